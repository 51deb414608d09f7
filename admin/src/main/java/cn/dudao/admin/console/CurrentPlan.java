package cn.dudao.admin.console;

import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The plan a console page shows, within the plans the user's {@link ConsoleScope} reaches: the one
 * asked for, else the newest active plan. A plan-bound user (team leader, unit contact) only ever gets
 * his own plan: asking for another is answered as if it did not exist, and the plan chooser lists his
 * plan alone. Every console page that takes a plan id resolves it here.
 */
@Component
public class CurrentPlan {

  private final PlanRepository plans;

  CurrentPlan(PlanRepository plans) {
    this.plans = plans;
  }

  /** The plan asked for if the scope reaches it, else (none asked for) the newest active one it reaches. */
  public Optional<Plan> resolve(Long planId, ConsoleScope scope) {
    if (planId != null) {
      return scope.coversPlan(planId) ? plans.findById(planId) : Optional.empty();
    }
    if (!scope.allPlans()) {
      // His own plan, even when it is switched off: the plan-bound user has no other to fall back on.
      return scope.planIds().stream().sorted().map(plans::findById).flatMap(Optional::stream).findFirst();
    }
    return choices(scope).stream().findFirst();
  }

  public Plan require(Long planId, ConsoleScope scope) {
    return resolve(planId, scope).orElseThrow(() -> new NotFound("没有找到督导方案"));
  }

  /** The active plans the scope reaches, newest first: the plan chooser. */
  public List<Plan> choices(ConsoleScope scope) {
    return plans.findByActiveTrueOrderByIdDesc().stream().filter(p -> scope.coversPlan(p.getId())).toList();
  }

  /** A console page asked for something that does not exist (or is outside the user's scope). */
  @ResponseStatus(HttpStatus.NOT_FOUND)
  public static class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String message) {
      super(message);
    }
  }
}
