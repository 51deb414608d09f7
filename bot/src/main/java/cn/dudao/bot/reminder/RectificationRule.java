package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;

/**
 * What the rectification rules share: a kind and a Chinese title, a daily window over
 * {@link RectificationTexts#defaults the rectification window} opening at the rule's own time, and the
 * message a unit's contact gets listing his unit's problems.
 */
abstract class RectificationRule implements ReminderRule {

  private static final int SPREAD_MINUTES = 30;

  private final String kind;
  private final String title;
  private final LocalTime sendAt;
  private final ReminderProperties properties;

  RectificationRule(String kind, String title, LocalTime sendAt, ReminderProperties properties) {
    this.kind = kind;
    this.title = title;
    this.sendAt = sendAt;
    this.properties = properties;
  }

  @Override
  public final String kind() {
    return kind;
  }

  @Override
  public final String title() {
    return title;
  }

  @Override
  public final RuleDefaults defaults(Plan plan) {
    return RectificationTexts.defaults(plan, properties, sendAt, SPREAD_MINUTES);
  }

  /** "{head}{units}：{lead}（共N条），{ask}：" then one line per problem, then {@code tail}; empty when none. */
  static Optional<String> unitList(String head, List<OpenProblems.Item> items, String lead, String ask,
                                   LocalDate day, String tail) {
    if (items.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(head).append(RectificationTexts.units(items))
        .append("：").append(lead).append("（共").append(items.size()).append("条），").append(ask).append("：");
    items.forEach(i -> text.append("\n").append(RectificationTexts.line(i, day, false)));
    text.append("\n").append(tail);
    return Optional.of(Texts.fit(text.toString()));
  }
}
