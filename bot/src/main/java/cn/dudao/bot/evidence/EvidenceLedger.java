package cn.dudao.bot.evidence;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ties evidence to inspections and answers inside the conversation's transaction: a photo or location
 * to the inspection and question open when it arrived, then to the answer that took it, running the
 * checks each time more is known; and a unit contact's rectification photos to the report they were
 * sent with. Rolled back with the conversation step, so applied exactly once.
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

  /**
   * A rectification photo of a problem, listed for the console with the report it came with, oldest
   * first: {@code /evidence/{evidenceId}} and {@code /evidence/{evidenceId}/thumb} serve it.
   *
   * @param thumbnail false when no preview could be made (the original is still there)
   */
  public record RectificationPhoto(long evidenceId, long reportId, String uploader, Instant receivedAt,
                                   String mediaType, Integer width, Integer height, boolean thumbnail) {}

  /** The photo stored as {@code evidenceId}, or empty when it is no photo. */
  public Optional<Evidence> photo(long evidenceId) {
    return evidence.findById(evidenceId).filter(e -> e.getKind() == Evidence.Kind.PHOTO);
  }

  /** True when {@code evidenceId} holds the same bytes as one of {@code others} (a photo sent twice). */
  public boolean samePhotoAmong(long evidenceId, Collection<Long> others) {
    Optional<Evidence> e = photo(evidenceId);
    if (e.isEmpty() || others.isEmpty()) {
      return false;
    }
    return evidence.findAllById(others).stream()
        .anyMatch(o -> o.getId() != evidenceId && Objects.equals(o.getSha256(), e.get().getSha256()));
  }

  /**
   * Links the photos of a submitted rectification report to it; ids that name no photo of
   * {@code uploader} are ignored. Each photo is linked to one report once. A photo with the bytes of
   * one of the problem's own finding photos {@code findingEvidenceIds} is flagged (never refused).
   *
   * @return how many of the linked photos are the same as a finding photo
   */
  public int linkRectification(long problemId, long reportId, String uploader, Collection<Long> evidenceIds,
                               Collection<Long> findingEvidenceIds) {
    int same = 0;
    for (Long id : evidenceIds) {
      Optional<Evidence> found = photo(id).filter(e -> Objects.equals(e.getUploader(), uploader));
      if (found.isEmpty() || links.existsByEvidenceIdAndReportId(id, reportId)) {
        continue;
      }
      found.get().attach(null, null, null, clock.instant());
      links.save(EvidenceLink.rectification(id, problemId, reportId, clock.instant()));
      if (checks.sameAsFinding(found.get(), findingEvidenceIds)) {
        same++;
      }
    }
    return same;
  }

  /** The rectification photos linked to a problem, oldest report first. */
  @Transactional(readOnly = true)
  public List<RectificationPhoto> rectificationPhotos(long problemId) {
    List<EvidenceLink> linked = links.findByProblemIdAndKindOrderByIdAsc(problemId, EvidenceLink.Kind.RECTIFICATION);
    java.util.Map<Long, Evidence> byId = evidence.findAllById(linked.stream().map(EvidenceLink::getEvidenceId).toList())
        .stream().collect(java.util.stream.Collectors.toMap(Evidence::getId, e -> e));
    return linked.stream().filter(l -> byId.containsKey(l.getEvidenceId())).map(l -> {
      Evidence e = byId.get(l.getEvidenceId());
      return new RectificationPhoto(e.getId(), l.getReportId(), e.getUploader(), e.getReceivedAt(), e.getMediaType(),
          e.getWidth(), e.getHeight(), e.getThumbSha256() != null);
    }).toList();
  }

  private Long villageOf(Long inspectionId) {
    return inspectionId == null ? null : inspections.findById(inspectionId).map(Inspection::getVillageId).orElse(null);
  }
}
