package cn.dudao.admin.dashboard;

import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.flows.definition.Flow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's front page: the plan's progress, findings and problems (status, colour, overdue) at a glance. */
@Controller
class DashboardController {

  private final DashboardFigures figures;
  private final CurrentPlan plans;
  private final ConsoleScopes scopes;
  private final ProblemFigures problems;
  private final FlowCatalog flows;
  private final InboxRepository inbox;
  private final OutboxRepository outbox;

  DashboardController(DashboardFigures figures, CurrentPlan plans, ConsoleScopes scopes,
                      ProblemFigures problems, FlowCatalog flows, InboxRepository inbox, OutboxRepository outbox) {
    this.figures = figures;
    this.plans = plans;
    this.scopes = scopes;
    this.problems = problems;
    this.flows = flows;
    this.inbox = inbox;
    this.outbox = outbox;
  }

  @GetMapping("/")
  String dashboard(@RequestParam(required = false) Long plan, Authentication user, Model model) {
    ConsoleScope scope = scopes.of(user);
    model.addAttribute("plans", plans.choices(scope));
    Optional<Plan> current = plans.resolve(plan, scope);
    if (plan != null && current.isEmpty()) {
      throw new CurrentPlan.NotFound("没有找到督导方案");
    }
    model.addAttribute("plan", current.orElse(null));
    model.addAttribute("pendingInbound", inbox.countByStatus(InboundRecord.Status.PENDING));
    model.addAttribute("pendingOutbound", outbox.countByStatus(OutboxRecord.Status.PENDING));
    model.addAttribute("deadLetters", outbox.countByStatus(OutboxRecord.Status.DEAD));
    if (current.isEmpty()) {
      return "dashboard";
    }
    long planId = current.get().getId();
    List<Progress.Team> teams = figures.progress(planId, scope);
    long areas = teams.stream().mapToLong(t -> t.areas().size()).sum();
    long areasDone = teams.stream().mapToLong(Progress.Team::areasDone).sum();
    long villages = teams.stream().mapToLong(Progress.Team::villages).sum();
    long villagesDone = teams.stream().mapToLong(Progress.Team::villagesDone).sum();
    Map<String, Long> byCategory = figures.findingsByCategory(planId, scope);
    Map<String, Long> signed = new LinkedHashMap<>();
    figures.signedByFlow(planId, scope).forEach((flowId, n) ->
        signed.put(flows.find(flowId).map(Flow::title).orElse(flowId), n));
    model.addAttribute("teams", teams);
    model.addAttribute("areas", areas);
    model.addAttribute("areasDone", areasDone);
    model.addAttribute("areaPercent", Progress.percent(areasDone, areas));
    model.addAttribute("villages", villages);
    model.addAttribute("villagesDone", villagesDone);
    model.addAttribute("villagePercent", Progress.percent(villagesDone, villages));
    model.addAttribute("byCategory", byCategory);
    model.addAttribute("findings", byCategory.values().stream().mapToLong(Long::longValue).sum());
    model.addAttribute("signedByFlow", signed);
    model.addAttribute("chartCategories", List.copyOf(byCategory.keySet()));
    model.addAttribute("chartCounts", List.copyOf(byCategory.values()));
    model.addAttribute("chartTeams", teams.stream().map(Progress.Team::name).toList());
    model.addAttribute("chartVillagePercent", teams.stream().map(Progress.Team::villagePercent).toList());
    model.addAttribute("chartAreaPercent", teams.stream().map(Progress.Team::areaPercent).toList());
    ProblemFigures.Figures rectification = problems.of(planId, scope);
    model.addAttribute("problemFigures", rectification);
    model.addAttribute("problemsTotal", rectification.total());
    model.addAttribute("overdueTotal", rectification.overdue());
    model.addAttribute("chartStatuses", List.copyOf(rectification.byStatus().keySet()));
    model.addAttribute("chartStatusCounts", List.copyOf(rectification.byStatus().values()));
    return "dashboard";
  }
}
