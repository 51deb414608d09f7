package cn.dudao.bot.inspection;

import cn.dudao.bot.plan.Member;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what inspectors answer, inside the conversation's transaction: starting an inspection,
 * each answer (keeping changed ones as history), and the final sign-off after which nothing changes.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Inspections {

  private final InspectionRepository inspections;
  private final AnswerRepository answers;
  private final FindingRepository findings;
  private final JsonMapper json;
  private final Clock clock;

  public Inspections(InspectionRepository inspections, AnswerRepository answers, FindingRepository findings,
                     JsonMapper json, Clock clock) {
    this.inspections = inspections;
    this.answers = answers;
    this.findings = findings;
    this.json = json;
    this.clock = clock;
  }

  public Inspection start(Member inspector, String flowId, int flowRevision) {
    return inspections.save(new Inspection(inspector.getPlanId(), inspector.getId(), flowId, flowRevision,
        clock.instant()));
  }

  public void place(long inspectionId, Long areaId, Long villageId, Long householdId, String subject) {
    load(inspectionId).place(areaId, villageId, householdId, subject);
  }

  /** Records a finding of a confirmed inspection (the engine emits them after 签字确认). */
  public Finding recordFinding(long inspectionId, String nodeId, String key, Object value, String display,
                               java.util.Map<String, String> meta, String description, List<String> evidenceIds,
                               Member inspector) {
    Inspection inspection = load(inspectionId);
    String indicator = meta.getOrDefault("indicator", meta.getOrDefault("item", key));
    return findings.save(new Finding(inspection, nodeId, key, indicator, meta.get("category"), String.valueOf(value),
        display, description, evidenceIds, inspector.getName(), clock.instant()));
  }

  public void recordAnswer(long inspectionId, String key, String nodeId, Object value, String display,
                           int revision, Member inspector) {
    load(inspectionId).requireDraft();
    answers.findByInspectionIdAndAnswerKeyInAndCurrentTrue(inspectionId, List.of(key)).forEach(Answer::supersede);
    answers.save(new Answer(inspectionId, key, nodeId, json.writeValueAsString(value), display == null ? "" : display,
        revision, inspector.getWecomUserId(), clock.instant()));
  }

  public void clearAnswers(long inspectionId, Collection<String> keys) {
    load(inspectionId).requireDraft();
    answers.findByInspectionIdAndAnswerKeyInAndCurrentTrue(inspectionId, keys).forEach(Answer::supersede);
  }

  public void confirm(long inspectionId, Member inspector) {
    load(inspectionId).confirm(inspector.getName(), clock.instant());
  }

  public void abandon(long inspectionId) {
    load(inspectionId).abandon();
  }

  private Inspection load(long id) {
    return inspections.findById(id).orElseThrow(() -> new IllegalStateException("no inspection " + id));
  }
}
