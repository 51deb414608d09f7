package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 整改逾期: every day, each contact of a responsible unit hears, in one message, of his unit's red items
 * (past their deadline, still with the unit) and how many days overdue each is. By default 09:40 spread
 * over 30 minutes, over {@link RectificationTexts#defaults the rectification window}.
 */
@Component
class RectificationOverdue extends RectificationRule {

  static final String KIND = "RECTIFICATION_OVERDUE";

  private final OpenProblems problems;

  RectificationOverdue(OpenProblems problems, ReminderProperties properties) {
    super(KIND, "整改逾期提醒（责任单位）", LocalTime.of(9, 40), properties);
    this.problems = problems;
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    return problems.contactsWithOverdue(plan.getId(), day);
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    return unitList("【整改逾期】", problems.ofContactOverdue(plan.getId(), recipient, day), "以下问题已超过整改时限",
        "请立即整改", day, "逾期问题每日报送督导组组长和县督导办。整改完成后，请在对应的整改通知卡片上点击“提交整改情况”。");
  }
}
