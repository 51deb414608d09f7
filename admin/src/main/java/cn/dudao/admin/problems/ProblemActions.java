package cn.dudao.admin.problems;

import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.problem.Problem;
import cn.dudao.bot.problem.ProblemAdmin;
import cn.dudao.bot.problem.ProblemStatus;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * One county-office action on one problem, through {@link ProblemAdmin} (which authorizes it with
 * {@code Access}, needs the reason and writes the audit entry): 修改表述, 改派, 延期, 合并, 交办, 销号.
 * The form is validated first; bad input and steps the problem's state does not allow come back as
 * {@link IllegalArgumentException} / {@link IllegalStateException} with a message for the user.
 */
@Component
class ProblemActions {

  static final Set<String> SINGLE = Set.of("edit", "reassign", "extend", "merge", "assign", "close");
  /** The bulk form's actions: 交办 (to a unit), 延期, 销号. */
  static final Set<String> BULK = Set.of("assign", "extend", "close");

  /** Each action as the pages name it. */
  static final java.util.Map<String, String> VERBS = java.util.Map.of("edit", "修改表述", "reassign", "改派",
      "extend", "延期", "merge", "合并", "assign", "交办", "close", "销号");

  /** What happened: done, or not (and why), in words for the page. */
  record Outcome(boolean done, String message) {}

  private final ProblemAdmin admin;
  private final ProblemSource problems;
  private final ResponsibleUnitRepository units;

  ProblemActions(ProblemAdmin admin, ProblemSource problems, ResponsibleUnitRepository units) {
    this.admin = admin;
    this.problems = problems;
    this.units = units;
  }

  /** Checks what the action needs from the form before anything is applied. */
  static void validate(String action, ProblemForm form, boolean bulk) {
    if (action == null || !(bulk ? BULK : SINGLE).contains(action)) {
      throw new IllegalArgumentException("请选择要执行的操作。");
    }
    switch (action) {
      case "edit" -> {
        if (form.wording() == null || form.wording().isBlank()) {
          throw new IllegalArgumentException("问题表述不能为空。");
        }
      }
      case "reassign" -> form.requireUnit();
      case "assign" -> {
        if (bulk) {
          form.requireUnit();
        }
      }
      case "extend" -> form.requireDeadline();
      case "merge" -> form.requireInto();
      default -> { }
    }
    form.requireReason();
  }

  /** Applies a validated action to a problem the caller has found in the user's scope. */
  Outcome apply(Actor actor, ConsoleScope scope, ProblemRow problem, String action, ProblemForm form) {
    String reason = form.requireReason();
    if (!action.equals("edit") && !problem.open()) {
      throw new IllegalStateException(problem.status() + "，不能" + VERBS.get(action));
    }
    switch (action) {
      case "edit" -> {
        admin.editWording(actor, problem.id(), form.wording(), reason);
        return new Outcome(true, "已修改问题表述");
      }
      case "extend" -> {
        if (!form.requireDeadline().isAfter(problem.deadline())) {
          throw new IllegalArgumentException("新的整改时限必须晚于原时限（" + problem.deadline() + "）。");
        }
        Problem p = admin.extendDeadline(actor, problem.id(), form.requireDeadline(), reason);
        return new Outcome(true, "整改时限已延至 " + p.getDeadline());
      }
      case "merge" -> {
        long into = form.requireInto();
        ProblemRow keep = problems.find(into, scope).filter(k -> k.planId() == problem.planId())
            .orElseThrow(() -> new IllegalArgumentException("没有找到本方案中的 F" + into + " 号问题。"));
        if (!keep.open()) {
          throw new IllegalStateException(keep.number() + " " + keep.status() + "，不能并入。");
        }
        admin.merge(actor, problem.id(), keep.id(), reason);
        return new Outcome(true, "已并入 " + keep.number());
      }
      case "close" -> {
        admin.close(actor, problem.id(), reason);
        return new Outcome(true, "已销号");
      }
      case "reassign" -> {
        return reassign(actor, problem, form.requireUnit(), reason);
      }
      case "assign" -> {
        if (form.unit() != null && !form.unit().equals(problem.unitId())) {
          return reassign(actor, problem, form.unit(), reason);
        }
        if (problem.state() != ProblemStatus.PENDING_ASSIGNMENT) {
          throw new IllegalStateException(problem.status() + "，无需交办");
        }
        return admin.assign(actor, problem.id(), reason) ? new Outcome(true, "已交办")
            : new Outcome(false, "责任单位没有企业微信联系人，仍待交办");
      }
      default -> throw new IllegalArgumentException("请选择要执行的操作。");
    }
  }

  private Outcome reassign(Actor actor, ProblemRow problem, long unitId, String reason) {
    String name = units.findById(unitId).filter(u -> u.getPlanId() == problem.planId()).map(ResponsibleUnit::getName)
        .orElseThrow(() -> new IllegalArgumentException("该方案中没有这个责任单位。"));
    if (!problem.open()) {
      throw new IllegalStateException(problem.status() + "，不能交办或改派");
    }
    Problem p = admin.reassign(actor, problem.id(), unitId, reason);
    if (p.getStatus() == ProblemStatus.PENDING_ASSIGNMENT) {
      return new Outcome(true, "已改由 " + name + " 负责，该单位没有企业微信联系人，仍待交办");
    }
    return new Outcome(true, problem.state() == ProblemStatus.PENDING_ASSIGNMENT ? "已交办 " + name
        : "已改由 " + name + " 负责并重新通知");
  }
}
