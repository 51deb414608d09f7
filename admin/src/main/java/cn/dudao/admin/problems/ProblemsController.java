package cn.dudao.admin.problems;

import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.console.PlanChoices;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.problem.ProblemColour;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The problem list with its filters (and, for the county office, the bulk form), and one problem's page. */
@Controller
class ProblemsController {

  static final int PAGE_SIZE = 50;
  /** The warning colours of open problems (issue 6): blue before the deadline, yellow on it, red after. */
  static final List<ProblemColour> COLOURS = List.of(ProblemColour.BLUE, ProblemColour.YELLOW, ProblemColour.RED);

  private final ProblemSource problems;
  private final ProblemDetailPage detailPage;
  private final CurrentPlan plans;
  private final PlanChoices choices;
  private final Indicators indicators;
  private final ConsoleScopes scopes;
  private final ResponsibleUnitRepository units;

  ProblemsController(ProblemSource problems, ProblemDetailPage detailPage, CurrentPlan plans, PlanChoices choices,
                     Indicators indicators, ConsoleScopes scopes, ResponsibleUnitRepository units) {
    this.problems = problems;
    this.detailPage = detailPage;
    this.plans = plans;
    this.choices = choices;
    this.indicators = indicators;
    this.scopes = scopes;
    this.units = units;
  }

  @GetMapping("/problems")
  String list(ProblemFilter filter, @RequestParam(defaultValue = "1") int page, Authentication user,
              HttpServletRequest request, Model model) {
    ConsoleScope scope = scopes.of(user);
    Plan plan = plans.require(filter.plan(), scope);
    ProblemFilter applied = filter.withPlan(plan.getId());
    model.addAttribute("plan", plan);
    model.addAttribute("filter", applied);
    model.addAttribute("result", problems.page(applied, scope, page, PAGE_SIZE));
    model.addAttribute("statuses", problems.statuses());
    model.addAttribute("colours", COLOURS);
    model.addAttribute("units", units.findByPlanIdOrderBySortOrderAscIdAsc(plan.getId()).stream()
        .filter(u -> scope.everything() || scope.unitIds().contains(u.getId())).toList());
    model.addAttribute("teams", choices.teams(plan.getId(), scope));
    model.addAttribute("areas", choices.areas(plan.getId(), scope));
    model.addAttribute("villages", choices.villages(plan.getId(), scope));
    model.addAttribute("people", choices.people(plan.getId(), scope));
    model.addAttribute("categories", indicators.categories());
    model.addAttribute("indicatorChoices", indicators.filterChoices());
    model.addAttribute("query", query(request));
    model.addAttribute("admin", ProblemActionsController.isAdmin(user));
    if (!model.containsAttribute("bulkForm")) {
      model.addAttribute("bulkForm", ProblemForm.EMPTY);
    }
    return "problems";
  }

  @GetMapping("/problems/{id}")
  String detail(@PathVariable long id, Authentication user, Model model) {
    ProblemRow problem = problems.find(id, scopes.of(user))
        .orElseThrow(() -> new CurrentPlan.NotFound("没有找到该问题，或您无权查看"));
    detailPage.fill(model, problem, ProblemActionsController.isAdmin(user), null);
    return "problem";
  }

  /** The list's query string without the page, for the export link and paging. */
  static String query(HttpServletRequest request) {
    StringBuilder query = new StringBuilder();
    request.getParameterMap().forEach((name, values) -> {
      if (!name.equals("page")) {
        for (String value : values) {
          if (value != null && !value.isBlank()) {
            query.append(query.isEmpty() ? "" : "&").append(encode(name)).append('=').append(encode(value));
          }
        }
      }
    });
    return query.toString();
  }

  static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
