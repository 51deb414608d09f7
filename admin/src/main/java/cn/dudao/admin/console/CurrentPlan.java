package cn.dudao.admin.console;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The plan a console page shows: the one asked for, else the newest active plan. */
@Component
public class CurrentPlan {

  private final PlanRepository plans;

  CurrentPlan(PlanRepository plans) {
    this.plans = plans;
  }

  public Optional<Plan> resolve(Long planId) {
    if (planId != null) {
      return plans.findById(planId);
    }
    return plans.findByActiveTrueOrderByIdDesc().stream().findFirst();
  }

  public Plan require(Long planId) {
    return resolve(planId).orElseThrow(() -> new NotFound("没有找到督导方案"));
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
