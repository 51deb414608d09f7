package cn.dudao.admin.plan;

import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.HouseholdCategory;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Target;
import cn.dudao.bot.plan.excel.PlanSheet;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A plan's page (teams and people, areas and villages, units and contacts) and its household list. */
@Controller
@RequestMapping("/plan/{id}")
class PlanDataController {

  private final PlanRepository plans;
  private final PlanPages pages;
  private final Access access;
  private final ConsoleActors actors;

  PlanDataController(PlanRepository plans, PlanPages pages, Access access, ConsoleActors actors) {
    this.plans = plans;
    this.pages = pages;
    this.access = access;
    this.actors = actors;
  }

  @GetMapping
  String show(Authentication auth, @PathVariable long id, Model model) {
    Plan plan = load(auth, id);
    model.addAttribute("o", pages.overview(plan));
    model.addAttribute("sheets", PlanSheet.values());
    model.addAttribute("categories", HouseholdCategory.values());
    model.addAttribute("mayAdmin", access.decide(actors.of(auth), Access.Action.ADMIN, Target.planData(id)).allowed());
    return "plan/detail";
  }

  @GetMapping("/households")
  String households(Authentication auth, @PathVariable long id, @RequestParam(defaultValue = "0") int page,
                    Model model) {
    Plan plan = load(auth, id);
    model.addAttribute("plan", plan);
    model.addAttribute("page", pages.households(plan, page));
    return "plan/households";
  }

  private Plan load(Authentication auth, long id) {
    Plan plan = plans.findById(id).orElseThrow(() -> new IllegalArgumentException("no plan " + id));
    access.require(actors.of(auth), Access.Action.VIEW, Target.planData(id));
    return plan;
  }
}
