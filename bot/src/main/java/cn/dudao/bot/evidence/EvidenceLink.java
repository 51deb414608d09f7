package cn.dudao.bot.evidence;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A piece of evidence serving something: one answer of one inspection ({@link Kind#ANSWER}), or one
 * rectification report of a problem ({@link Kind#RECTIFICATION}, no inspection or answer).
 */
@Entity
@Table(name = "evidence_links")
public class EvidenceLink {

  /** What the evidence serves. */
  public enum Kind { ANSWER, RECTIFICATION }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long evidenceId;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private Long inspectionId;
  private String answerKey;
  private Long problemId;
  private Long reportId;
  private Instant linkedAt;

  protected EvidenceLink() {
  }

  EvidenceLink(Long evidenceId, Long inspectionId, String answerKey, Instant linkedAt) {
    this.evidenceId = evidenceId;
    this.kind = Kind.ANSWER;
    this.inspectionId = inspectionId;
    this.answerKey = answerKey;
    this.linkedAt = linkedAt;
  }

  static EvidenceLink rectification(Long evidenceId, Long problemId, Long reportId, Instant linkedAt) {
    EvidenceLink link = new EvidenceLink();
    link.evidenceId = evidenceId;
    link.kind = Kind.RECTIFICATION;
    link.problemId = problemId;
    link.reportId = reportId;
    link.linkedAt = linkedAt;
    return link;
  }

  public Long getId() { return id; }
  public Long getEvidenceId() { return evidenceId; }
  public Kind getKind() { return kind; }
  public Long getInspectionId() { return inspectionId; }
  public String getAnswerKey() { return answerKey; }
  public Long getProblemId() { return problemId; }
  public Long getReportId() { return reportId; }
  public Instant getLinkedAt() { return linkedAt; }
}
