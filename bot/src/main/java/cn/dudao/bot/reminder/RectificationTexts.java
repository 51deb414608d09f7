package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the rectification rules share: their default schedule and how a problem reads in a reminder
 * (编号, 问题, 地点, 时限).
 */
final class RectificationTexts {

  private RectificationTexts() {
  }

  /**
   * From the plan's first field day until its end (the report due date or the last field day with the
   * extension, whichever is later) plus its rectification days (the deadline of a problem found on the last
   * day) plus {@code dudao.reminders.rectification-tail} (60 days: rejections, extensions, stragglers).
   */
  static RuleDefaults defaults(Plan plan, ReminderProperties properties, LocalTime sendAt, int spreadMinutes) {
    LocalDate end = plan.lastFieldDay();
    if (plan.getReportDue() != null && plan.getReportDue().isAfter(end)) {
      end = plan.getReportDue();
    }
    LocalDate last = end.plusDays(plan.getRectificationDays()).plusDays(properties.rectificationTail().toDays());
    return new RuleDefaults(plan.getFieldStart(), last, sendAt, spreadMinutes);
  }

  /** One problem: "· 12号 问题（地点：…；时限：11月3日，还剩3天）", with its unit when asked. */
  static String line(OpenProblems.Item item, LocalDate day, boolean withUnit) {
    return "· " + item.id() + "号 " + item.wording() + "（" + (withUnit ? "责任单位：" + item.unitName() + "；" : "")
        + "地点：" + item.place() + "；时限：" + Texts.date(item.deadline()) + "，" + when(item.deadline(), day) + "）";
  }

  static String when(LocalDate deadline, LocalDate day) {
    long days = ChronoUnit.DAYS.between(day, deadline);
    if (days > 0) {
      return "还剩" + days + "天";
    }
    return days == 0 ? "今天到期" : "已逾期" + (-days) + "天";
  }

  /** The units' names, in the order the items name them. */
  static String units(List<OpenProblems.Item> items) {
    return String.join("、", items.stream().map(OpenProblems.Item::unitName).distinct().toList());
  }
}
