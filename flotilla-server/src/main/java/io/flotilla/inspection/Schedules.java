package io.flotilla.inspection;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.springframework.scheduling.support.CronExpression;

/** Cron schedules of inspections: Spring's six-field form, or the five-field Kubernetes form (minute first). Pure. */
final class Schedules {

    private Schedules() {}

    /** Parses a schedule; throws IllegalArgumentException with a readable message when it is not valid. */
    static CronExpression parse(String schedule) {
        String trimmed = schedule.trim();
        String[] fields = trimmed.split("\\s+");
        String six = fields.length == 5 ? "0 " + trimmed : trimmed;
        if (fields.length != 5 && fields.length != 6 && !trimmed.startsWith("@")) {
            throw new IllegalArgumentException("'" + schedule + "' is not a cron expression: give 5 fields (minute hour "
                    + "day-of-month month day-of-week) or 6 with seconds first, e.g. '0 0 3 * * *' for 03:00 daily");
        }
        try {
            return CronExpression.parse(six);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + schedule + "' is not a valid cron expression: " + e.getMessage(), e);
        }
    }

    /** The next time the schedule fires strictly after {@code after} (UTC), or null if never. */
    static Instant next(String schedule, Instant after) {
        ZonedDateTime next = parse(schedule).next(after.atZone(ZoneOffset.UTC));
        return next == null ? null : next.toInstant();
    }
}
