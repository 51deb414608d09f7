package cn.dudao.admin.problems;

import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.console.PlanChoices;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The problem list with its filters, and one problem with its photos and history. */
@Controller
class ProblemsController {

  static final int PAGE_SIZE = 50;
  /** The warning colours of open problems (issue 6): blue before the deadline, yellow on it, red after. */
  static final List<String> COLOURS = List.of("蓝", "黄", "红");

  /** A photo as the detail page links it. */
  record PhotoLink(String url, String thumbUrl) {}

  private final ProblemSource problems;
  private final ProblemHistory history;
  private final EvidencePhotos photos;
  private final CurrentPlan plans;
  private final PlanChoices choices;
  private final Indicators indicators;
  private final ConsoleScopes scopes;
  private final ResponsibleUnitRepository units;

  ProblemsController(ProblemSource problems, ProblemHistory history, EvidencePhotos photos, CurrentPlan plans,
                     PlanChoices choices, Indicators indicators, ConsoleScopes scopes, ResponsibleUnitRepository units) {
    this.problems = problems;
    this.history = history;
    this.photos = photos;
    this.plans = plans;
    this.choices = choices;
    this.indicators = indicators;
    this.scopes = scopes;
    this.units = units;
  }

  @GetMapping("/problems")
  String list(ProblemFilter filter, @RequestParam(defaultValue = "1") int page, Authentication user,
              HttpServletRequest request, Model model) {
    Plan plan = plans.require(filter.plan());
    ConsoleScope scope = scopes.of(user);
    ProblemFilter applied = filter.withPlan(plan.getId());
    model.addAttribute("plan", plan);
    model.addAttribute("filter", applied);
    model.addAttribute("result", problems.page(applied, scope, page, PAGE_SIZE));
    model.addAttribute("tracksRectification", problems.tracksRectification());
    model.addAttribute("statuses", problems.statuses());
    model.addAttribute("colours", COLOURS);
    model.addAttribute("units", problems.tracksRectification()
        ? units.findByPlanIdOrderBySortOrderAscIdAsc(plan.getId()) : List.of());
    model.addAttribute("teams", choices.teams(plan.getId(), scope));
    model.addAttribute("areas", choices.areas(plan.getId(), scope));
    model.addAttribute("villages", choices.villages(plan.getId(), scope));
    model.addAttribute("people", choices.people(plan.getId(), scope));
    model.addAttribute("categories", indicators.categories());
    model.addAttribute("indicatorChoices", indicators.filterChoices());
    model.addAttribute("query", query(request));
    return "problems";
  }

  @GetMapping("/problems/{id}")
  String detail(@PathVariable long id, Authentication user, Model model) {
    ProblemRow problem = problems.find(id, scopes.of(user))
        .orElseThrow(() -> new CurrentPlan.NotFound("没有找到该问题，或您无权查看"));
    model.addAttribute("problem", problem);
    model.addAttribute("steps", history.of(problem, problem.answerKey()));
    model.addAttribute("signOff", history.signOff(problem.inspectionId()));
    List<PhotoLink> stored = problem.evidenceIds().stream().filter(e -> photos.thumbnail(e).isPresent())
        .map(e -> new PhotoLink(photos.url(e), photos.thumbUrl(e))).toList();
    model.addAttribute("storedPhotos", stored);
    model.addAttribute("missingPhotos", problem.evidenceIds().size() - stored.size());
    return "problem";
  }

  /** The list's query string without the page, for the export link and paging. */
  private static String query(HttpServletRequest request) {
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

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
