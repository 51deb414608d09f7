package cn.dudao.admin.reminders;

import cn.dudao.bot.reminder.ReminderRules;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One rule's schedule as typed into the page: kept as text, so that a rejected form shows exactly what
 * was typed next to what is wrong with it, in Chinese.
 */
record RuleForm(String kind, boolean enabled, String firstDay, String lastDay, String sendTime, String spreadMinutes) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  static RuleForm of(ReminderRules.Rule rule) {
    return new RuleForm(rule.kind(), rule.enabled(), rule.firstDay().toString(), rule.lastDay().toString(),
        TIME.format(rule.sendTime()), Integer.toString(rule.spreadMinutes()));
  }

  /** Field name → what is wrong with it; empty when the schedule can be saved. */
  Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate first = day(firstDay);
    LocalDate last = day(lastDay);
    if (first == null) {
      errors.put("firstDay", "首日应为日期，格式如 2021-10-25");
    }
    if (last == null) {
      errors.put("lastDay", "末日应为日期，格式如 2021-11-10");
    } else if (first != null && last.isBefore(first)) {
      errors.put("lastDay", "末日不能早于首日");
    }
    if (time(sendTime) == null) {
      errors.put("sendTime", "发送时间应为“时:分”，如 09:10");
    }
    Integer spread = minutes(spreadMinutes);
    if (spread == null || spread < 0 || spread > ReminderRules.MAX_SPREAD_MINUTES) {
      errors.put("spreadMinutes", "分散时长应为 0 到 " + ReminderRules.MAX_SPREAD_MINUTES + " 之间的整数（分钟）");
    }
    return errors;
  }

  LocalDate first() {
    return day(firstDay);
  }

  LocalDate last() {
    return day(lastDay);
  }

  LocalTime time() {
    return time(sendTime);
  }

  int spread() {
    return minutes(spreadMinutes);
  }

  private static LocalDate day(String text) {
    try {
      return text == null ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static LocalTime time(String text) {
    try {
      return text == null ? null : LocalTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Integer minutes(String text) {
    try {
      return text == null ? null : Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
