package cn.dudao.bot.problem;

import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rectification loop in chat, called by the conversation layer before the flow engine and inside
 * the inbound message's transaction: presses on problem cards ({@code p:<id>:<action>}), the text and
 * photos of an open draft, and anything a unit contact says. Returns the replies to the sender, or
 * empty when the message is not about problems; messages to others go straight to the outbox.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ProblemChat {

  static final String REFUSED = "您无权处理这个问题：它没有交办给您的单位，也不是您督导发现的问题。";

  private final ProblemRepository problems;
  private final RectificationDrafts drafts;
  private final ProblemWorkflow workflow;
  private final ProblemReview review;
  private final ProblemQueries queries;
  private final ComplaintProblems complaints;
  private final AuditLog audit;

  ProblemChat(ProblemRepository problems, RectificationDrafts drafts, ProblemWorkflow workflow, ProblemReview review,
              ProblemQueries queries, ComplaintProblems complaints, AuditLog audit) {
    this.problems = problems;
    this.drafts = drafts;
    this.workflow = workflow;
    this.review = review;
    this.queries = queries;
    this.complaints = complaints;
    this.audit = audit;
  }

  /**
   * Handles {@code message} (recorded as {@code record}) when it is about problems. An image reaches
   * here only once its photo fetch has settled.
   */
  public Optional<List<OutgoingMessage>> handle(InboundRecord record, InboundMessage message, Actor actor) {
    if (message.kind() == InboundMessage.Kind.CARD_EVENT && ComplaintProblems.isKey(message.text())) {
      List<OutgoingMessage> replies = new ArrayList<>();
      updateCard(message, "已处理", replies);
      replies.addAll(complaints.press(message.text(), actor, message.channel()));
      return Optional.of(replies);
    }
    if (message.kind() == InboundMessage.Kind.CARD_EVENT) {
      Optional<ProblemCards.Press> press = ProblemCards.parse(message.text());
      return press.map(p -> press(p, message, actor));
    }
    Optional<List<OutgoingMessage>> drafted = drafts.take(record, message, actor);
    if (drafted.isPresent()) {
      return drafted;
    }
    if (actor.memberId() == null && !actor.unitIds().isEmpty()) {
      return Optional.of(List.of(OutgoingMessage.text(queries.describeForContact(actor))));
    }
    return Optional.empty();
  }

  private List<OutgoingMessage> press(ProblemCards.Press press, InboundMessage message, Actor actor) {
    Optional<Problem> found = problems.findForUpdate(press.problemId());
    if (found.isEmpty()) {
      audit.denied(actor.id(), "problem " + press.action(), "problem:" + press.problemId(), "问题不存在");
      return List.of(OutgoingMessage.text(REFUSED));
    }
    Problem problem = found.get();
    boolean unitAction = press.action().equals(ProblemCards.ACK) || press.action().equals(ProblemCards.REPORT);
    boolean allowed = unitAction ? ofUnit(actor, problem) : reviews(actor, problem);
    if (!allowed) {
      audit.denied(actor.id(), "problem " + press.action(), ProblemWorkflow.label(problem),
          unitAction ? "不是责任单位联系人" : "不是发现该问题的督导组成员或组长");
      return List.of(OutgoingMessage.text(REFUSED));
    }
    List<OutgoingMessage> replies = new ArrayList<>();
    try {
      switch (press.action()) {
        case ProblemCards.ACK -> {
          workflow.apply(problem, ProblemTransitions.Transition.ACKNOWLEDGE, actor.id(), actor.name() + " 签收");
          updateCard(message, "已签收", replies);
          replies.add(OutgoingMessage.text("已签收问题 " + problem.getId() + "，整改时限 "
              + ProblemCards.DAY.format(problem.getDeadline()) + "。整改完成后请点击“提交整改情况”。"));
        }
        case ProblemCards.REPORT -> replies.addAll(drafts.startReport(problem, actor, message.userId()));
        case ProblemCards.APPROVE -> {
          review.approve(problem, actor, message.channel());
          updateCard(message, "已通过", replies);
          replies.add(OutgoingMessage.text("已通过，问题 " + problem.getId() + " 已销号。"));
        }
        case ProblemCards.REJECT -> {
          replies.addAll(drafts.startRejection(problem, message.userId()));
          updateCard(message, "已驳回", replies);
        }
        default -> replies.add(OutgoingMessage.text(REFUSED));
      }
    } catch (ProblemWorkflow.NotAllowed notNow) {
      replies.add(OutgoingMessage.text(notNow.getMessage()));
    }
    return replies;
  }

  private static void updateCard(InboundMessage message, String text, List<OutgoingMessage> replies) {
    if (message.responseCode() != null) {
      replies.add(OutgoingMessage.cardUpdate(message.responseCode(), text));
    }
  }

  /** A contact of the problem's responsible unit. */
  static boolean ofUnit(Actor actor, Problem problem) {
    return problem.getUnitId() != null && actor.unitIds().contains(problem.getUnitId());
  }

  /** The inspector who found it, a leader of his team, or the county office, in the problem's plan. */
  static boolean reviews(Actor actor, Problem problem) {
    if (actor.planId() != null && !actor.planId().equals(problem.getPlanId())) {
      return false;
    }
    return actor.role() == Actor.Role.COUNTY_OFFICE
        || (actor.memberId() != null && actor.memberId().equals(problem.getMemberId()))
        || (actor.leads() && actor.teamId() != null && Objects.equals(actor.teamId(), problem.getTeamId()));
  }
}
