package cn.dudao.admin.exports;

import cn.dudao.admin.audit.ConsoleAudit;
import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.console.PlanChoices;
import cn.dudao.admin.problems.ProblemFilter;
import cn.dudao.admin.problems.ProblemSource;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The exports page and the files: the problem list with the list's filters, 附件2 per area, 附件3 per
 * village. Every signed-in role but a unit contact may download, within its scope; a unit contact may
 * download the problem list, cut to his unit's problems. Each download is audited.
 */
@Controller
class ExportsController {

  private static final String TEAMS_AND_OFFICE = "hasAnyRole('COUNTY_ADMIN', 'TEAM_LEADER', 'VIEWER')";

  private final ProblemSource problems;
  private final ProblemListWorkbook problemList;
  private final IndicatorWorkbook indicatorSheet;
  private final SelfCheckWorkbook selfCheckSheet;
  private final CurrentPlan plans;
  private final PlanChoices choices;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final TeamRepository teams;
  private final ConsoleScopes scopes;
  private final ConsoleAudit audit;

  ExportsController(ProblemSource problems, ProblemListWorkbook problemList, IndicatorWorkbook indicatorSheet,
                    SelfCheckWorkbook selfCheckSheet, CurrentPlan plans, PlanChoices choices, AreaRepository areas,
                    VillageRepository villages, TeamRepository teams, ConsoleScopes scopes, ConsoleAudit audit) {
    this.problems = problems;
    this.problemList = problemList;
    this.indicatorSheet = indicatorSheet;
    this.selfCheckSheet = selfCheckSheet;
    this.plans = plans;
    this.choices = choices;
    this.areas = areas;
    this.villages = villages;
    this.teams = teams;
    this.scopes = scopes;
    this.audit = audit;
  }

  @GetMapping("/exports")
  @PreAuthorize(TEAMS_AND_OFFICE)
  String page(@RequestParam(required = false) Long plan, Authentication user, Model model) {
    ConsoleScope scope = scopes.of(user);
    Plan current = plans.require(plan, scope);
    model.addAttribute("plan", current);
    model.addAttribute("areas", choices.areas(current.getId(), scope));
    model.addAttribute("villages", choices.villages(current.getId(), scope));
    return "exports";
  }

  @GetMapping("/exports/problems.xlsx")
  @PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TEAM_LEADER', 'VIEWER', 'UNIT_CONTACT')")
  void problemList(ProblemFilter filter, Authentication user, HttpServletResponse response) throws IOException {
    ConsoleScope scope = scopes.of(user);
    Plan plan = plans.require(filter.plan(), scope);
    ProblemFilter applied = filter.withPlan(plan.getId());
    String consoleUrl = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    Downloads.prepare(response, "问题清单.xlsx", Downloads.XLSX);
    long rows = problemList.write(plan.getName() + " 问题清单", user.getName(), consoleUrl,
        sink -> problems.forEach(applied, scope, sink), response.getOutputStream());
    audit.record(user.getName(), ConsoleAudit.EXPORT, "问题清单.xlsx", ConsoleAudit.Outcome.APPLIED, rows + " 条");
  }

  @GetMapping("/exports/areas/{areaId}/indicators.xlsx")
  @PreAuthorize(TEAMS_AND_OFFICE)
  void indicators(@PathVariable long areaId, Authentication user, HttpServletResponse response) throws IOException {
    ConsoleScope scope = scopes.of(user);
    Area area = areas.findById(areaId).filter(a -> scope.covers(a.getPlanId(), a.getTeamId()))
        .orElseThrow(() -> new CurrentPlan.NotFound("没有找到该乡镇，或您无权导出"));
    Plan plan = plans.require(area.getPlanId(), scope);
    String teamName = area.getTeamId() == null ? null : teams.findById(area.getTeamId()).map(Team::getName).orElse(null);
    String fileName = "督导指标表-" + area.getName() + ".xlsx";
    Downloads.prepare(response, fileName, Downloads.XLSX);
    indicatorSheet.write(plan, area, teamName, response.getOutputStream());
    audit.record(user.getName(), ConsoleAudit.EXPORT, fileName, ConsoleAudit.Outcome.APPLIED, null);
  }

  @GetMapping("/exports/villages/{villageId}/self-check.xlsx")
  @PreAuthorize(TEAMS_AND_OFFICE)
  void selfCheck(@PathVariable long villageId, Authentication user, HttpServletResponse response) throws IOException {
    Village village = villages.findById(villageId)
        .orElseThrow(() -> new CurrentPlan.NotFound("没有找到该行政村"));
    ConsoleScope scope = scopes.of(user);
    Area area = areas.findById(village.getAreaId()).filter(a -> scope.covers(a.getPlanId(), a.getTeamId()))
        .orElseThrow(() -> new CurrentPlan.NotFound("没有找到该行政村，或您无权导出"));
    Plan plan = plans.require(area.getPlanId(), scope);
    String fileName = "自查表-" + area.getName() + "-" + village.getName() + ".xlsx";
    Downloads.prepare(response, fileName, Downloads.XLSX);
    selfCheckSheet.write(plan, area.getName(), village.getId(), village.getName(), response.getOutputStream());
    audit.record(user.getName(), ConsoleAudit.EXPORT, fileName, ConsoleAudit.Outcome.APPLIED, null);
  }
}
