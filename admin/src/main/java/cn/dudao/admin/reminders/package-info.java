/**
 * 提醒规则: the console page listing each plan's reminder rules with their schedules and latest runs;
 * the county office edits them, everyone else reads them.
 */
package cn.dudao.admin.reminders;
