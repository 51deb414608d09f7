package cn.dudao.bot.evidence;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ties evidence to inspections and answers inside the conversation's transaction: a photo or location
 * to the inspection and question open when it arrived, then to the answer that took it, running the
 * checks each time more is known. Rolled back with the conversation step, so applied exactly once.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class EvidenceLedger {

  private final EvidenceRepository evidence;
  private final EvidenceLinkRepository links;
  private final InspectionRepository inspections;
  private final EvidenceChecks checks;
  private final Clock clock;

  EvidenceLedger(EvidenceRepository evidence, EvidenceLinkRepository links, InspectionRepository inspections,
                 EvidenceChecks checks, Clock clock) {
    this.evidence = evidence;
    this.links = links;
    this.inspections = inspections;
    this.checks = checks;
    this.clock = clock;
  }

  /**
   * Attaches a fetched photo to {@code inspectionId} (null: the sender has no inspection open) and the
   * question {@code nodeId} it answers (null: an attachment).
   */
  public Evidence attachPhoto(long evidenceId, Long inspectionId, String nodeId) {
    Evidence e = evidence.findById(evidenceId)
        .orElseThrow(() -> new IllegalStateException("no evidence " + evidenceId));
    e.attach(inspectionId, villageOf(inspectionId), nodeId, clock.instant());
    checks.check(e);
    return e;
  }

  /** Records a location message as evidence, attached like a photo. */
  public Evidence recordLocation(InboundRecord record, InboundMessage message, Long inspectionId, String nodeId) {
    Evidence e = evidence.findByInboundId(record.getId()).orElseGet(() -> evidence.save(Evidence.location(
        message.latitude(), message.longitude(), message.label(), record.getUserId(), record.getChannel(),
        record.getId(), record.getReceivedAt())));
    e.attach(inspectionId, villageOf(inspectionId), nodeId, clock.instant());
    checks.check(e);
    return e;
  }

  /** Links the evidence an answer took to that answer; ids of someone else's evidence are ignored. */
  public void linkAnswer(long inspectionId, String answerKey, Collection<Long> evidenceIds) {
    Long villageId = villageOf(inspectionId);
    for (Long id : evidenceIds) {
      Optional<Evidence> found = evidence.findById(id).filter(e -> Long.valueOf(inspectionId).equals(e.getInspectionId()));
      if (found.isEmpty()) {
        continue;
      }
      Evidence e = found.get();
      e.answered(answerKey, villageId);
      if (!links.existsByEvidenceIdAndInspectionIdAndAnswerKey(id, inspectionId, answerKey)) {
        links.save(new EvidenceLink(id, inspectionId, answerKey, clock.instant()));
      }
      checks.check(e);
    }
  }

  /** Links the location sent with inbound message {@code inboundId} to the answer that took it. */
  public void linkLocation(long inboundId, long inspectionId, String answerKey) {
    evidence.findByInboundId(inboundId).ifPresent(e -> linkAnswer(inspectionId, answerKey, java.util.List.of(e.getId())));
  }

  private Long villageOf(Long inspectionId) {
    return inspectionId == null ? null : inspections.findById(inspectionId).map(Inspection::getVillageId).orElse(null);
  }
}
