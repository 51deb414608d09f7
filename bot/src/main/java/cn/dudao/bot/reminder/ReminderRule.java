package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * One kind of reminder: who gets it on a day and what it says. A rule is a bean; its schedule per plan is
 * a row of {@code reminder_rules} (created from {@link #defaults} when missing). Rectification due,
 * overdue and escalation reminders (issue 6) plug in as further rules.
 */
public interface ReminderRule {

  /** The stable name stored in {@code reminder_rules.rule_kind}, for example {@code FIELD_PERIOD_LEFT}. */
  String kind();

  /** What the console calls the rule, in Chinese. */
  default String title() {
    return kind();
  }

  /** The schedule a plan gets when it has none for this rule yet, from the plan's dates. */
  RuleDefaults defaults(Plan plan);

  /** The WeCom user ids due this reminder on {@code day}. Called once per planning round: keep it set-based. */
  Collection<String> recipients(Plan plan, LocalDate day);

  /** The text, composed when the reminder is due; empty when nothing is left to say (it is skipped). */
  Optional<String> compose(Plan plan, String recipient, LocalDate day);
}
