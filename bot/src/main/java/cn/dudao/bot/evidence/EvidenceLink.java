package cn.dudao.bot.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A piece of evidence serving one answer of one inspection. */
@Entity
@Table(name = "evidence_links")
public class EvidenceLink {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long evidenceId;
  private Long inspectionId;
  private String answerKey;
  private Instant linkedAt;

  protected EvidenceLink() {
  }

  EvidenceLink(Long evidenceId, Long inspectionId, String answerKey, Instant linkedAt) {
    this.evidenceId = evidenceId;
    this.inspectionId = inspectionId;
    this.answerKey = answerKey;
    this.linkedAt = linkedAt;
  }

  public Long getId() { return id; }
  public Long getEvidenceId() { return evidenceId; }
  public Long getInspectionId() { return inspectionId; }
  public String getAnswerKey() { return answerKey; }
  public Instant getLinkedAt() { return linkedAt; }
}
