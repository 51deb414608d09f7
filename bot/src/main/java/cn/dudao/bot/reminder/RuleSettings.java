package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules this node knows (beans) and their schedules per plan (rows). A plan without a row for a rule
 * gets the rule's defaults on first use; two nodes doing it at once keep one row (the unique key).
 */
@Component
class RuleSettings {

  private final RuleSettingRepository repository;
  private final Map<String, ReminderRule> rules;
  private final TransactionTemplate tx;

  RuleSettings(RuleSettingRepository repository, List<ReminderRule> rules, TransactionTemplate tx) {
    this.repository = repository;
    this.rules = rules.stream().collect(Collectors.toMap(ReminderRule::kind, Function.identity()));
    this.tx = tx;
  }

  Optional<ReminderRule> rule(String kind) {
    return Optional.ofNullable(rules.get(kind));
  }

  /** The plan's settings, with defaults created for rules it has none for. */
  List<RuleSetting> forPlan(Plan plan) {
    List<RuleSetting> settings = repository.findByPlanIdOrderByIdAsc(plan.getId());
    Set<String> present = settings.stream().map(RuleSetting::getKind).collect(Collectors.toSet());
    List<ReminderRule> missing = rules.values().stream().filter(r -> !present.contains(r.kind())).toList();
    if (missing.isEmpty()) {
      return settings;
    }
    for (ReminderRule rule : missing) {
      try {
        tx.executeWithoutResult(s -> repository.saveAndFlush(new RuleSetting(plan.getId(), rule.kind(),
            rule.defaults(plan))));
      } catch (DataIntegrityViolationException createdByAnotherNode) {
        // the other node's row is as good as ours
      }
    }
    return repository.findByPlanIdOrderByIdAsc(plan.getId());
  }
}
