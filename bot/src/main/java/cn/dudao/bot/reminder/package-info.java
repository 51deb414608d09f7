/**
 * Reminders with rules per plan: a planner (once per cluster, under ShedLock) records each due reminder
 * once (rule x recipient x day), spread over the rule's window, off the hour and half hour and outside
 * quiet hours; a queuer composes each when it is due and hands it to the outbox in the same transaction.
 */
package cn.dudao.bot.reminder;
