package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.problem.ProblemColour;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 整改时限临近: each contact of a responsible unit hears, in one message, of his unit's problems that turn
 * blue today (deadline in {@link ProblemColour#BLUE_DAYS} days) or are due today (yellow), counting only
 * problems the unit must act on (交办, 签收, 整改中). By default 09:10 spread over 30 minutes, every day
 * from the first field day until {@link RectificationTexts#defaults the rectification window} ends.
 */
@Component
class RectificationDue implements ReminderRule {

  static final String KIND = "RECTIFICATION_DUE";

  private final OpenProblems problems;
  private final ReminderProperties properties;

  RectificationDue(OpenProblems problems, ReminderProperties properties) {
    this.problems = problems;
    this.properties = properties;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String title() {
    return "整改时限临近提醒（责任单位）";
  }

  @Override
  public RuleDefaults defaults(Plan plan) {
    return RectificationTexts.defaults(plan, properties, LocalTime.of(9, 10), 30);
  }

  @Override
  public Collection<String> recipients(Plan plan, LocalDate day) {
    return problems.contactsWithDeadlineOn(plan.getId(), day, day.plusDays(ProblemColour.BLUE_DAYS));
  }

  @Override
  public Optional<String> compose(Plan plan, String recipient, LocalDate day) {
    List<OpenProblems.Item> items = problems.ofContactDueOn(plan.getId(), recipient, day,
        day.plusDays(ProblemColour.BLUE_DAYS));
    if (items.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder("【整改提醒】").append(RectificationTexts.units(items))
        .append("：以下问题整改时限临近（共").append(items.size()).append("条），请抓紧整改：");
    items.forEach(i -> text.append("\n").append(RectificationTexts.line(i, day, false)));
    text.append("\n整改完成后，请在对应的整改通知卡片上点击“提交整改情况”。");
    return Optional.of(Texts.fit(text.toString()));
  }
}
