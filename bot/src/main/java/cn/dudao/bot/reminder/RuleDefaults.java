package cn.dudao.bot.reminder;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * When a rule runs for a plan unless the county changes it.
 *
 * @param firstDay      the first day a reminder is planned
 * @param lastDay       the last day (inclusive)
 * @param sendAt        local time the window opens
 * @param spreadMinutes how long the window lasts: recipients are spread over it, not all at once
 */
public record RuleDefaults(LocalDate firstDay, LocalDate lastDay, LocalTime sendAt, int spreadMinutes) {
}
