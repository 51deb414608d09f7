package cn.dudao.bot.reminder;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reminder settings ({@code dudao.reminders.*}). The jobs' intervals are read by their annotations:
 * {@code plan-interval} (default 5m), {@code queue-interval} (30s), {@code initial-delay} (20s) and
 * {@code lock-at-least-for} (PT5S, how long ShedLock keeps a finished job from running again elsewhere).
 *
 * @param enabled     false stops planning and queuing (already queued messages still go)
 * @param zone        the plan's time zone, in which days, send times and quiet hours are read
 * @param quietStart  no reminder is sent from this time ...
 * @param quietEnd    ... until this time (the next morning when it is earlier than the start)
 * @param maxLateness a reminder not queued within this long after its time is skipped, not sent late
 * @param rectificationTail rectification reminders run by default until the plan's end (its report due
 *                    date or last field day, whichever is later) plus its rectification days plus this long
 */
@ConfigurationProperties("dudao.reminders")
public record ReminderProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("21:00") LocalTime quietStart,
    @DefaultValue("07:30") LocalTime quietEnd,
    @DefaultValue("3h") Duration maxLateness,
    @DefaultValue("60d") Duration rectificationTail) {

  QuietHours quietHours() {
    return new QuietHours(quietStart, quietEnd, zone);
  }
}
