package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 整改逾期: every day, each contact of a responsible unit hears, in one message, of his unit's red items
 * (past their deadline, still with the unit) and how many days overdue each is. By default 09:40 spread
 * over 30 minutes, over {@link RectificationTexts#defaults the rectification window}.
 */
@Component
class RectificationOverdue implements ReminderRule {

  static final String KIND = "RECTIFICATION_OVERDUE";

  private final OpenProblems problems;
  private final ReminderProperties properties;

  RectificationOverdue(OpenProblems problems, ReminderProperties properties) {
    this.problems = problems;
    this.properties = properties;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String title() {
    return "整改逾期提醒（责任单位）";
  }

  @Override
  public RuleDefaults defaults(Plan plan) {
    return RectificationTexts.defaults(plan, properties, LocalTime.of(9, 40), 30);
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    return problems.contactsWithOverdue(plan.getId(), day);
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    List<OpenProblems.Item> items = problems.ofContactOverdue(plan.getId(), recipient, day);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("【整改逾期】").append(RectificationTexts.units(items))
        .append("：以下问题已超过整改时限（共").append(items.size()).append("条），请立即整改：");
    items.forEach(i -> text.append("\n").append(RectificationTexts.line(i, day, false)));
    text.append("\n逾期问题每日报送督导组组长和县督导办。整改完成后，请在对应的整改通知卡片上点击“提交整改情况”。");
    return Optional.of(Texts.fit(text.toString()));
  }
}
