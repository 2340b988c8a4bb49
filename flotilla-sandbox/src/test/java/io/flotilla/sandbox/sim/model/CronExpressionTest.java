package io.flotilla.sandbox.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {

  private static final ZonedDateTime MONDAY_NOON = ZonedDateTime.parse("2025-06-02T12:00:30Z");

  @Test
  void everyFiveMinutesFiresAtTheNextMultipleOfFive() {
    assertThat(CronExpression.parse("*/5 * * * *").next(MONDAY_NOON)).isEqualTo("2025-06-02T12:05:00Z");
  }

  @Test
  void rangesListsAndNamedDaysAreUnderstood() {
    CronExpression weekdayMornings = CronExpression.parse("0,30 8-9 * * MON-FRI");

    assertThat(weekdayMornings.next(MONDAY_NOON)).isEqualTo("2025-06-03T08:00:00Z");
    assertThat(weekdayMornings.next(ZonedDateTime.parse("2025-06-06T09:30:00Z"))).isEqualTo("2025-06-09T08:00:00Z");
  }

  @Test
  void macrosAndMonthNamesExpand() {
    assertThat(CronExpression.parse("@hourly").next(MONDAY_NOON)).isEqualTo("2025-06-02T13:00:00Z");
    assertThat(CronExpression.parse("@daily").next(MONDAY_NOON)).isEqualTo("2025-06-03T00:00:00Z");
    assertThat(CronExpression.parse("0 0 1 JAN *").next(MONDAY_NOON)).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void eitherDayFieldMatchesWhenBothAreRestricted() {
    CronExpression firstOrSunday = CronExpression.parse("0 0 1 * 0");

    assertThat(firstOrSunday.next(MONDAY_NOON)).isEqualTo("2025-06-08T00:00:00Z");
  }

  @Test
  void sundayMayBeWrittenAsSeven() {
    assertThat(CronExpression.parse("0 0 * * 7").next(MONDAY_NOON)).isEqualTo("2025-06-08T00:00:00Z");
  }

  @Test
  void rejectsMalformedExpressions() {
    assertThatThrownBy(() -> CronExpression.parse("* * * *")).hasMessageContaining("5 fields");
    assertThatThrownBy(() -> CronExpression.parse("61 * * * *")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> CronExpression.parse("*/0 * * * *")).hasMessageContaining("step");
  }
}
