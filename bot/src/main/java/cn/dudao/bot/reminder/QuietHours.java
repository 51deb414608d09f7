package cn.dudao.bot.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Hours in which nobody gets a reminder, in the plan's zone; a window may cross midnight (21:00-07:30).
 * Equal start and end mean no quiet hours.
 */
record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

  boolean contains(Instant instant) {
    return contains(instant.atZone(zone));
  }

  boolean contains(ZonedDateTime at) {
    LocalTime t = at.withZoneSameInstant(zone).toLocalTime();
    if (start.equals(end)) {
      return false;
    }
    if (start.isBefore(end)) {
      return !t.isBefore(start) && t.isBefore(end);
    }
    return !t.isBefore(start) || t.isBefore(end);
  }

  /** The end of the quiet hours {@code at} lies in (call only when {@link #contains} is true). */
  ZonedDateTime endAfter(ZonedDateTime at) {
    ZonedDateTime local = at.withZoneSameInstant(zone);
    LocalDate day = start.isAfter(end) && !local.toLocalTime().isBefore(start)
        ? local.toLocalDate().plusDays(1) : local.toLocalDate();
    return day.atTime(end).atZone(zone);
  }
}
