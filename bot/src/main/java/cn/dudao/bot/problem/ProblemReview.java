package cn.dudao.bot.problem;

import cn.dudao.bot.evidence.EvidenceLedger;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.PlanRepository;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second half of the loop: a unit's report goes to review (a card to the inspector), and the
 * reviewer closes the problem (销号) or sends it back with a reason and a new deadline.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ProblemReview {

  private final ProblemWorkflow workflow;
  private final ProblemReportRepository reports;
  private final ProblemRecipients recipients;
  private final ProblemCards cards;
  private final PlanRepository plans;
  private final Outbox outbox;
  private final EvidenceLedger ledger;
  private final Clock clock;

  ProblemReview(ProblemWorkflow workflow, ProblemReportRepository reports, ProblemRecipients recipients,
                ProblemCards cards, PlanRepository plans, Outbox outbox, EvidenceLedger ledger, Clock clock) {
    this.workflow = workflow;
    this.reports = reports;
    this.recipients = recipients;
    this.cards = cards;
    this.plans = plans;
    this.outbox = outbox;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** A unit's report with the evidence ids of the photos {@code senderUserId} sent for it. */
  List<OutgoingMessage> submit(Problem problem, Actor actor, String text, List<String> photos, String senderUserId,
                               InboundMessage.Channel channel) {
    workflow.apply(problem, ProblemTransitions.Transition.SUBMIT, actor.id(), text);
    ProblemReport report = reports.save(new ProblemReport(problem.getId(), ProblemReport.Kind.REPORT, text, photos,
        actor.id(), actor.name(), clock.instant()));
    int sameAsFinding = ledger.linkRectification(problem.getId(), report.getId(), senderUserId, ids(photos),
        ids(problem.getEvidenceIds()));
    String unitName = recipients.unitName(problem.getUnitId());
    recipients.reviewers(problem).forEach(r -> outbox.enqueue(channel, r,
        cards.review(problem, unitName, text, photos.size(), sameAsFinding)));
    return List.of(OutgoingMessage.text("整改情况已提交（问题 " + problem.getId() + "，照片" + photos.size()
        + "张），等待" + problem.getInspectorName() + "复核。"));
  }

  /** The evidence record ids among {@code evidenceIds} (older rows may hold other media references). */
  private static List<Long> ids(List<String> evidenceIds) {
    return evidenceIds.stream().filter(p -> p.matches("\\d{1,18}")).map(Long::valueOf).toList();
  }

  void approve(Problem problem, Actor actor, InboundMessage.Channel channel) {
    workflow.apply(problem, ProblemTransitions.Transition.APPROVE, actor.id(), actor.name() + " 复核通过");
    recipients.unitContacts(problem.getUnitId())
        .forEach(c -> outbox.enqueue(channel, c, ProblemCards.closed(problem, actor.name())));
  }

  List<OutgoingMessage> reject(Problem problem, Actor actor, String reason, InboundMessage.Channel channel) {
    int days = plans.findById(problem.getPlanId()).orElseThrow().getRectificationDays();
    var deadline = ProblemColour.today(clock).plusDays(days);
    workflow.apply(problem, ProblemTransitions.Transition.REJECT, actor.id(),
        reason + "（新整改时限 " + deadline + "）");
    problem.extend(deadline, clock.instant());
    reports.save(new ProblemReport(problem.getId(), ProblemReport.Kind.REJECTION, reason, List.of(), actor.id(),
        actor.name(), clock.instant()));
    recipients.unitContacts(problem.getUnitId()).forEach(c -> outbox.enqueue(channel, c,
        cards.rejected(problem, reason)));
    return List.of(OutgoingMessage.text("已驳回问题 " + problem.getId() + "，理由已发送责任单位，新整改时限 "
        + ProblemCards.DAY.format(deadline) + "。"));
  }
}
