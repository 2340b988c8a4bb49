package io.flotilla.sandbox.sim.model;

import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;

/**
 * A standard 5-field cron expression (minute hour day-of-month month day-of-week) with lists, ranges,
 * steps, names ({@code JAN}, {@code MON}) and the {@code @hourly}-style macros, evaluated like Vixie cron:
 * when both day fields are restricted, either may match. Pure logic.
 */
public final class CronExpression {

  private static final String[] MONTHS = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT",
      "NOV", "DEC"};
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final boolean domRestricted;
  private final boolean dowRestricted;

  private CronExpression(String text, String[] fields) {
    this.text = text;
    this.minutes = parseField(fields[0], 0, 59, null, "minute");
    this.hours = parseField(fields[1], 0, 23, null, "hour");
    this.daysOfMonth = parseField(fields[2], 1, 31, null, "day of month");
    this.months = parseField(fields[3], 1, 12, MONTHS, "month");
    BitSet dow = parseField(fields[4].replace("7", "0"), 0, 6, DAYS, "day of week");
    this.daysOfWeek = dow;
    this.domRestricted = !fields[2].equals("*") && !fields[2].equals("?");
    this.dowRestricted = !fields[4].equals("*") && !fields[4].equals("?");
  }

  public static CronExpression parse(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new IllegalArgumentException("empty cron expression");
    }
    String trimmed = expression.trim();
    String expanded = switch (trimmed.toLowerCase(Locale.ROOT)) {
      case "@yearly", "@annually" -> "0 0 1 1 *";
      case "@monthly" -> "0 0 1 * *";
      case "@weekly" -> "0 0 * * 0";
      case "@daily", "@midnight" -> "0 0 * * *";
      case "@hourly" -> "0 * * * *";
      default -> trimmed;
    };
    String[] fields = expanded.split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException("expected exactly 5 fields, found " + fields.length + ": " + expression);
    }
    return new CronExpression(trimmed, fields);
  }

  private static BitSet parseField(String field, int min, int max, String[] names, String what) {
    BitSet bits = new BitSet(max + 1);
    for (String part : field.split(",")) {
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(part.substring(slash + 1), 0, Integer.MAX_VALUE, null, what);
        if (step <= 0) {
          throw new IllegalArgumentException("step must be positive in " + what + ": " + part);
        }
        range = part.substring(0, slash);
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] bounds = range.split("-", 2);
        from = number(bounds[0], min, max, names, what);
        to = number(bounds[1], min, max, names, what);
      } else {
        from = number(range, min, max, names, what);
        to = slash >= 0 ? max : from;
      }
      if (from > to) {
        throw new IllegalArgumentException("range start after end in " + what + ": " + part);
      }
      for (int i = from; i <= to; i += step) {
        bits.set(i);
      }
    }
    return bits;
  }

  private static int number(String text, int min, int max, String[] names, String what) {
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equalsIgnoreCase(text)) {
          return i + min;
        }
      }
    }
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(what + " value " + value + " out of range " + min + "-" + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + what + " value: " + text, e);
    }
  }

  /** The first matching minute strictly after {@code after}. */
  public ZonedDateTime next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime limit = t.plusYears(5);
    while (t.isBefore(limit)) {
      if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).withHour(0).withMinute(0).plusMonths(1);
        continue;
      }
      if (!dayMatches(t)) {
        t = t.withHour(0).withMinute(0).plusDays(1);
        continue;
      }
      if (!hours.get(t.getHour())) {
        t = t.withMinute(0).plusHours(1);
        continue;
      }
      if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
        continue;
      }
      return t;
    }
    throw new IllegalStateException("no time matches " + text + " within five years");
  }

  private boolean dayMatches(ZonedDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = daysOfWeek.get(t.getDayOfWeek().getValue() % 7);
    if (domRestricted && dowRestricted) {
      return dom || dow;
    }
    return dom && dow;
  }

  @Override
  public String toString() {
    return text;
  }
}
