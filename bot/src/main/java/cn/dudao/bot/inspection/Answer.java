package cn.dudao.bot.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One answer to one question. A changed answer keeps its earlier rows (not current) as the audit of
 * the change; the flow revision it was given under is stored with it.
 */
@Entity
@Table(name = "answers")
public class Answer {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long inspectionId;
  private String answerKey;
  private String nodeId;
  private String valueJson;
  private String displayText;
  private int flowRevision;
  @Column(name = "is_current")
  private boolean current;
  private String answeredBy;
  private Instant answeredAt;

  protected Answer() {
  }

  Answer(Long inspectionId, String answerKey, String nodeId, String valueJson, String displayText, int flowRevision,
         String answeredBy, Instant answeredAt) {
    this.inspectionId = inspectionId;
    this.answerKey = answerKey;
    this.nodeId = nodeId;
    this.valueJson = valueJson;
    this.displayText = displayText.length() > 1000 ? displayText.substring(0, 1000) : displayText;
    this.flowRevision = flowRevision;
    this.current = true;
    this.answeredBy = answeredBy;
    this.answeredAt = answeredAt;
  }

  void supersede() {
    this.current = false;
  }

  public Long getId() { return id; }
  public Long getInspectionId() { return inspectionId; }
  public String getAnswerKey() { return answerKey; }
  public String getNodeId() { return nodeId; }
  public String getValueJson() { return valueJson; }
  public String getDisplayText() { return displayText; }
  public int getFlowRevision() { return flowRevision; }
  public boolean isCurrent() { return current; }
  public String getAnsweredBy() { return answeredBy; }
  public Instant getAnsweredAt() { return answeredAt; }
}
