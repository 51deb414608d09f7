package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.problem.ProblemColour;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 整改时限临近: each contact of a responsible unit hears, in one message, of his unit's problems that turn
 * blue today (deadline in {@link ProblemColour#BLUE_DAYS} days) or are due today (yellow), counting only
 * problems the unit must act on (交办, 签收, 整改中). By default 09:10 spread over 30 minutes, every day
 * from the first field day until {@link RectificationTexts#defaults the rectification window} ends.
 */
@Component
class RectificationDue extends RectificationRule {

  static final String KIND = "RECTIFICATION_DUE";

  private final OpenProblems problems;

  RectificationDue(OpenProblems problems, ReminderProperties properties) {
    super(KIND, "整改时限临近提醒（责任单位）", LocalTime.of(9, 10), properties);
    this.problems = problems;
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    return problems.contactsWithDeadlineOn(plan.getId(), day, day.plusDays(ProblemColour.BLUE_DAYS));
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    return unitList("【整改提醒】", problems.ofContactDueOn(plan.getId(), recipient, day,
            day.plusDays(ProblemColour.BLUE_DAYS)), "以下问题整改时限临近", "请抓紧整改", day,
        "整改完成后，请在对应的整改通知卡片上点击“提交整改情况”。");
  }
}
