package cn.dudao.admin.problems;

import cn.dudao.admin.console.CurrentPlan;
import cn.dudao.admin.plan.ConsoleActors;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.admin.security.ConsoleScopes;
import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The problem list's bulk form (issue 8): 交办 to a unit, 延期 to a new deadline, 销号, with one reason
 * for the selection. Each selected problem is found in the user's scope and the list's plan, authorized
 * and audited on its own; one that cannot be done is left as it is and named in the result
 * (“已延期 12 项；3 项未处理：F7 已销号，不能延期 …”), never skipped silently.
 */
@Controller
@PreAuthorize("hasRole('COUNTY_ADMIN')")
class ProblemBulkController {

  /** The result line's verb per action. */
  static final Map<String, String> DONE = Map.of("assign", "已交办", "extend", "已延期", "close", "已销号");
  /** More than this many items at once is refused: the form acts item by item, within one request. */
  static final int MAX_ITEMS = 500;

  /** The result shown on the list after a bulk action. */
  public record Result(String summary, List<String> lines) {}

  private final ProblemSource problems;
  private final ProblemActions actions;
  private final CurrentPlan plans;
  private final ConsoleScopes scopes;
  private final ConsoleActors actors;
  private final AuditLog audit;

  ProblemBulkController(ProblemSource problems, ProblemActions actions, CurrentPlan plans, ConsoleScopes scopes,
                        ConsoleActors actors, AuditLog audit) {
    this.problems = problems;
    this.actions = actions;
    this.plans = plans;
    this.scopes = scopes;
    this.actors = actors;
    this.audit = audit;
  }

  @PostMapping("/problems/bulk")
  String bulk(ProblemForm form, @RequestParam(required = false) Long plan,
              @RequestParam(required = false, defaultValue = "") String query, Authentication user,
              RedirectAttributes redirect) {
    ConsoleScope scope = scopes.of(user);
    Plan current = plans.require(plan, scope);
    String back = "redirect:/problems" + (query.isBlank() ? "?plan=" + current.getId() : "?" + query.replaceAll("[\r\n]", ""));
    try {
      if (form.ids().isEmpty()) {
        throw new IllegalArgumentException("请至少勾选一个问题。");
      }
      if (form.ids().size() > MAX_ITEMS) {
        throw new IllegalArgumentException("一次最多处理 " + MAX_ITEMS + " 项，请缩小筛选范围。");
      }
      ProblemActions.validate(form.action(), form, true);
    } catch (IllegalArgumentException bad) {
      redirect.addFlashAttribute("bulkError", bad.getMessage());
      redirect.addFlashAttribute("bulkForm", form);
      return back;
    }
    Actor actor = actors.of(user);
    String action = form.action();
    List<String> done = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (long id : new LinkedHashSet<>(form.ids())) {
      Optional<ProblemRow> problem = problems.find(id, scope).filter(p -> p.planId() == current.getId());
      if (problem.isEmpty()) {
        String why = "不存在、不在本方案或不在您的权限范围内";
        audit.denied(actor.id(), "problem bulk " + action, "problem:" + id + "@plan:" + current.getId(), why);
        refused.add("F" + id + " " + why);
        continue;
      }
      ProblemRow row = problem.get();
      try {
        ProblemActions.Outcome outcome = actions.apply(actor, scope, row, action, form);
        (outcome.done() ? done : refused).add(row.number() + " " + outcome.message());
      } catch (Access.Refused | IllegalArgumentException | IllegalStateException notDone) {
        audit.recordAlone(actor.id(), "problem bulk " + action, row.auditTarget(), AuditEvent.Outcome.REJECTED,
            notDone.getMessage());
        refused.add(row.number() + " " + notDone.getMessage());
      }
    }
    String summary = DONE.get(action) + " " + done.size() + " 项"
        + (refused.isEmpty() ? "。" : "；" + refused.size() + " 项未处理：" + String.join("；", refused) + "。");
    List<String> lines = new ArrayList<>(done);
    lines.addAll(refused);
    redirect.addFlashAttribute("bulkResult", new Result(summary, lines));
    return back;
  }
}
