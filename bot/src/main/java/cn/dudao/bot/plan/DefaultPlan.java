package cn.dudao.bot.plan;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Seeds the default plan at start-up ({@code dudao.seed.plan}, the Youyu 2021 plan unless set; blank
 * to seed nothing). Two nodes starting together both try; the plan code's unique key keeps one.
 */
@Component
class DefaultPlan implements ApplicationRunner {

  private final PlanSeeder seeder;
  private final Resource plan;

  DefaultPlan(PlanSeeder seeder, @Value("${dudao.seed.plan:classpath:plans/youyu-2021.yaml}") Resource plan) {
    this.seeder = seeder;
    this.plan = plan;
  }

  @Override
  public void run(ApplicationArguments args) throws Exception {
    if (plan == null || !plan.exists()) {
      return;
    }
    try {
      seeder.seed(plan);
    } catch (DataIntegrityViolationException seededByAnotherNode) {
      // another node seeded the same plan a moment earlier
    }
  }
}
