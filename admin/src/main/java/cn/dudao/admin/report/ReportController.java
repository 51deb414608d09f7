package cn.dudao.admin.report;

import cn.dudao.admin.audit.ConsoleAudit;
import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.exports.Downloads;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.plan.Plan;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The report page (five parts, generated or as edited) and its Word export. Everyone but a unit
 * contact may read and download it; only the county office edits it.
 */
@Controller
@PreAuthorize("hasAnyRole('COUNTY_ADMIN', 'TEAM_LEADER', 'VIEWER')")
class ReportController {

  static final int MAX_PART = 20_000;

  private final CurrentPlan plans;
  private final ConsoleScopes scopes;
  private final ReportFactsReader facts;
  private final ReportDraft draft;
  private final ReportSections sections;
  private final ReportDocument document;
  private final ConsoleAudit audit;
  private final Clock clock;

  ReportController(CurrentPlan plans, ConsoleScopes scopes, ReportFactsReader facts, ReportDraft draft,
                   ReportSections sections, ReportDocument document, ConsoleAudit audit, Clock clock) {
    this.plans = plans;
    this.scopes = scopes;
    this.facts = facts;
    this.draft = draft;
    this.sections = sections;
    this.document = document;
    this.audit = audit;
    this.clock = clock;
  }

  /** One part as the page shows it. */
  record Part(int number, String heading, String body, boolean edited) {}

  @GetMapping("/report")
  String page(@RequestParam(required = false) Long plan, Authentication user, Model model) {
    Plan current = plans.require(plan, scopes.of(user));
    model.addAttribute("plan", current);
    model.addAttribute("title", ReportDocument.title(current.getName()));
    model.addAttribute("parts", parts(current));
    return "report";
  }

  @PostMapping("/report")
  @PreAuthorize("hasRole('COUNTY_ADMIN')")
  String save(@RequestParam long plan, @RequestParam Map<String, String> form, Authentication user) {
    Plan current = plans.require(plan, scopes.of(user));
    Map<Integer, String> bodies = new LinkedHashMap<>();
    for (int n = 1; n <= ReportDraft.TITLES.size(); n++) {
      String body = form.get("part" + n);
      if (body != null) {
        bodies.put(n, body.length() > MAX_PART ? body.substring(0, MAX_PART) : body.strip());
      }
    }
    sections.save(current.getId(), bodies, user.getName());
    audit.record(user.getName(), ConsoleAudit.REPORT_EDIT, "督导报告：" + current.getName(), ConsoleAudit.Outcome.APPLIED,
        "保存第 " + bodies.keySet() + " 部分");
    return "redirect:/report?plan=" + current.getId() + "&saved";
  }

  @PostMapping("/report/reset")
  @PreAuthorize("hasRole('COUNTY_ADMIN')")
  String reset(@RequestParam long plan, Authentication user) {
    Plan current = plans.require(plan, scopes.of(user));
    sections.reset(current.getId());
    audit.record(user.getName(), ConsoleAudit.REPORT_EDIT, "督导报告：" + current.getName(), ConsoleAudit.Outcome.APPLIED,
        "恢复为按数据自动生成");
    return "redirect:/report?plan=" + current.getId() + "&reset";
  }

  @GetMapping("/report/report.docx")
  void download(@RequestParam(required = false) Long plan, Authentication user, HttpServletResponse response)
      throws IOException {
    Plan current = plans.require(plan, scopes.of(user));
    ReportFacts gathered = facts.read(current);
    List<String> bodies = parts(current, gathered).stream().map(Part::body).toList();
    Downloads.prepare(response, "督导报告.docx", Downloads.DOCX);
    document.write(gathered, bodies, today(), response.getOutputStream());
    audit.record(user.getName(), ConsoleAudit.EXPORT, "督导报告.docx", ConsoleAudit.Outcome.APPLIED, null);
  }

  private List<Part> parts(Plan plan) {
    return parts(plan, facts.read(plan));
  }

  private List<Part> parts(Plan plan, ReportFacts gathered) {
    Map<Integer, String> edited = sections.edited(plan.getId());
    List<String> generated = draft.parts(gathered, today());
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < generated.size(); i++) {
      String body = edited.get(i + 1);
      parts.add(new Part(i + 1, ReportDraft.NUMERALS.get(i) + "、" + ReportDraft.TITLES.get(i),
          body == null ? generated.get(i) : body, body != null));
    }
    return parts;
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ConsoleTimes.CHINA);
  }
}
