package cn.dudao.admin.reminders;

import cn.dudao.admin.audit.ConsoleAudit;
import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.reminder.ReminderRules;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 提醒规则: a plan's reminder rules, each with its schedule and latest run. Every console user may read
 * them; only the county office changes them (CSRF, checked input, an audit entry), and the planner uses
 * the change from its next round.
 */
@Controller
@RequestMapping("/reminders")
class RemindersController {

  static final String EDIT = "console.reminders.edit";

  /** One row of the page: the rule as stored, the values its form shows, and what is wrong with them. */
  record Row(ReminderRules.Rule rule, RuleForm form, Map<String, String> errors, String lastQueuedAt) {}

  private final CurrentPlan plans;
  private final ConsoleScopes scopes;
  private final ReminderRules rules;
  private final ConsoleAudit audit;

  RemindersController(CurrentPlan plans, ConsoleScopes scopes, ReminderRules rules, ConsoleAudit audit) {
    this.plans = plans;
    this.scopes = scopes;
    this.rules = rules;
    this.audit = audit;
  }

  @GetMapping
  String page(@RequestParam(required = false) Long plan, Model model, Authentication user) {
    return show(plans.require(plan, scopes.of(user)), null, Map.of(), model, user);
  }

  @PostMapping("/{kind}")
  @PreAuthorize("hasRole('COUNTY_ADMIN')")
  String save(@PathVariable String kind, @RequestParam long plan, @RequestParam(defaultValue = "false") boolean enabled,
              @RequestParam(defaultValue = "") String firstDay, @RequestParam(defaultValue = "") String lastDay,
              @RequestParam(defaultValue = "") String sendTime, @RequestParam(defaultValue = "") String spreadMinutes,
              Model model, Authentication user, RedirectAttributes redirect, HttpServletResponse response) {
    Plan current = plans.require(plan, scopes.of(user));
    RuleForm form = new RuleForm(kind, enabled, firstDay, lastDay, sendTime, spreadMinutes);
    if (rules.forPlan(current).stream().noneMatch(r -> r.kind().equals(kind))) {
      throw new CurrentPlan.NotFound("没有这条提醒规则");
    }
    Map<String, String> errors = form.errors();
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("problem", "未保存：请按提示修改后再保存。");
      return show(current, form, errors, model, user);
    }
    ReminderRules.Change change = rules.update(current, kind, enabled, form.first(), form.last(), form.time(),
        form.spread());
    audit.record(user.getName(), EDIT, "提醒规则：" + current.getName() + " · " + change.title(),
        ConsoleAudit.Outcome.APPLIED, change.before() + " → " + change.after());
    redirect.addFlashAttribute("notice", "已保存“" + change.title() + "”，下一轮提醒计划起生效。");
    return "redirect:/reminders?plan=" + current.getId();
  }

  private String show(Plan plan, RuleForm typed, Map<String, String> errors, Model model, Authentication user) {
    List<Row> rows = rules.forPlan(plan).stream().map(r -> typed != null && typed.kind().equals(r.kind())
        ? new Row(r, typed, errors, ConsoleTimes.minutes(r.lastQueuedAt()))
        : new Row(r, RuleForm.of(r), Map.of(), ConsoleTimes.minutes(r.lastQueuedAt()))).toList();
    model.addAttribute("plan", plan);
    model.addAttribute("rows", rows);
    model.addAttribute("canEdit", user.getAuthorities().stream()
        .anyMatch(a -> "ROLE_COUNTY_ADMIN".equals(a.getAuthority())));
    return "reminders";
  }
}
