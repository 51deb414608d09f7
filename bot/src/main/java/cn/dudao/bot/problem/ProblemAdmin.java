package cn.dudao.bot.problem;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county office's edits of the problem list, for the console: reword, merge a duplicate, reassign
 * to another unit, extend a deadline, 交办 a problem that waited for a unit contact, and 销号 with a
 * reason. Each needs ADMIN on the problem and a reason, and lands in the audit trail. Bad input is an
 * {@link IllegalArgumentException}, a step the problem's state does not allow an
 * {@link IllegalStateException}; both carry a message for the user.
 */
@Service
@Transactional
public class ProblemAdmin {

  private final ProblemRepository problems;
  private final ResponsibleUnitRepository units;
  private final ProblemWorkflow workflow;
  private final ProblemIntake intake;
  private final ProblemRecipients recipients;
  private final Outbox outbox;
  private final Access access;
  private final Clock clock;

  ProblemAdmin(ProblemRepository problems, ResponsibleUnitRepository units, ProblemWorkflow workflow,
               ProblemIntake intake, ProblemRecipients recipients, Outbox outbox, Access access, Clock clock) {
    this.problems = problems;
    this.units = units;
    this.workflow = workflow;
    this.intake = intake;
    this.recipients = recipients;
    this.outbox = outbox;
    this.access = access;
    this.clock = clock;
  }

  public Problem editWording(Actor actor, long problemId, String wording, String reason) {
    Problem p = load(actor, problemId, reason);
    if (wording == null || wording.isBlank()) {
      throw new IllegalArgumentException("问题表述不能为空");
    }
    String before = p.getWording();
    p.reword(wording, clock.instant());
    workflow.note(p, "problem edit", actor.id(), reason + "：“" + before + "” → “" + p.getWording() + "”");
    return p;
  }

  /** Folds {@code duplicateId} into {@code keepId}: the evidence joins the kept problem, the duplicate ends. */
  public Problem merge(Actor actor, long duplicateId, long keepId, String reason) {
    if (duplicateId == keepId) {
      throw new IllegalArgumentException("不能与自身合并");
    }
    Problem keep = load(actor, keepId, reason);
    Problem duplicate = load(actor, duplicateId, reason);
    if (!keep.getPlanId().equals(duplicate.getPlanId()) || !keep.getStatus().open()) {
      throw new IllegalArgumentException("只能合并到同一方案中未销号的问题");
    }
    workflow.apply(duplicate, ProblemTransitions.Transition.MERGE, actor.id(), "并入 " + keepId + " 号：" + reason);
    duplicate.mergeInto(keepId);
    keep.addEvidence(duplicate.getEvidenceIds());
    workflow.note(keep, "problem merge", actor.id(), "合并 " + duplicateId + " 号：" + reason);
    return keep;
  }

  /** Gives the problem to another unit of the plan; an already assigned problem is noticed again. */
  public Problem reassign(Actor actor, long problemId, long unitId, String reason) {
    Problem p = load(actor, problemId, reason);
    requireOpen(p, "改派");
    ResponsibleUnit unit = units.findById(unitId).filter(u -> u.getPlanId().equals(p.getPlanId()))
        .orElseThrow(() -> new IllegalArgumentException("该方案中没有这个责任单位"));
    p.reassign(unitId, clock.instant());
    workflow.note(p, "problem reassign", actor.id(), "改由 " + unit.getName() + "：" + reason);
    if (p.getStatus() == ProblemStatus.PENDING_ASSIGNMENT) {
      intake.assignIfReachable(p, actor.id(), InboundMessage.Channel.WECOM);
    } else if (p.getStatus().open()) {
      intake.notifyUnit(p, InboundMessage.Channel.WECOM);
    }
    return p;
  }

  public Problem extendDeadline(Actor actor, long problemId, LocalDate deadline, String reason) {
    Problem p = load(actor, problemId, reason);
    requireOpen(p, "延期");
    if (deadline == null || !deadline.isAfter(p.getDeadline())) {
      throw new IllegalArgumentException("新的整改时限必须晚于原时限");
    }
    LocalDate before = p.getDeadline();
    p.extend(deadline, clock.instant());
    workflow.note(p, "problem extend", actor.id(), before + " → " + deadline + "：" + reason);
    return p;
  }

  /** 交办 a problem still waiting (its unit had no WeCom contact then); false when still nobody to tell. */
  public boolean assign(Actor actor, long problemId) {
    return assign(actor, problemId, "交办");
  }

  /** As {@link #assign(Actor, long)}, with the county office's reason on the audit trail. */
  public boolean assign(Actor actor, long problemId, String reason) {
    Problem p = load(actor, problemId, reason);
    if (p.getStatus() != ProblemStatus.PENDING_ASSIGNMENT) {
      throw new IllegalStateException("该问题当前状态为“" + p.getStatus().label() + "”，无需交办。");
    }
    boolean assigned = intake.assignIfReachable(p, actor.id(), InboundMessage.Channel.WECOM);
    workflow.note(p, "problem assign request", actor.id(), (assigned ? "已交办：" : "责任单位没有企业微信联系人，仍待交办：")
        + reason);
    return assigned;
  }

  /**
   * 销号 by the county office from any open state, with its reason; the unit's contacts and the inspector
   * who found the problem are told in WeCom, as after a reviewer's 通过.
   */
  public Problem close(Actor actor, long problemId, String reason) {
    Problem p = load(actor, problemId, reason);
    workflow.apply(p, ProblemTransitions.Transition.CLOSE, actor.id(), "县督导办销号：" + reason);
    java.util.Set<String> told = new java.util.LinkedHashSet<>(recipients.unitContacts(p.getUnitId()));
    told.addAll(recipients.reviewers(p));
    String by = actor.name() == null ? "" : "（" + actor.name() + "）";
    told.forEach(c -> outbox.enqueue(InboundMessage.Channel.WECOM, c, ProblemCards.closedByOffice(p, by, reason)));
    return p;
  }

  private static void requireOpen(Problem p, String what) {
    if (!p.getStatus().open()) {
      throw new IllegalStateException("该问题" + p.getStatus().label() + "，不能" + what + "。");
    }
  }

  private Problem load(Actor actor, long problemId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("请填写原因");
    }
    Problem p = problems.findForUpdate(problemId)
        .orElseThrow(() -> new IllegalArgumentException("no problem " + problemId));
    access.require(actor, Access.Action.ADMIN, ProblemWorkflow.target(p));
    return p;
  }
}
