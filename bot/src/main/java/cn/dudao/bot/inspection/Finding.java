package cn.dudao.bot.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A not-met answer of a confirmed inspection: which indicator, where, what was wrong, the evidence, and
 * the inspector who signed it. Problems for the 问题清单 are made from findings.
 */
@Entity
@Table(name = "findings")
public class Finding {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long inspectionId;
  private Long planId;
  private String flowId;
  private int flowRevision;
  private String nodeId;
  private String answerKey;
  private String indicator;
  private String category;
  private String valueText;
  private String displayText;
  private String description;
  private String evidenceIds;
  private Long areaId;
  private Long villageId;
  private Long householdId;
  private String subject;
  private Long memberId;
  private String inspectorName;
  private Instant recordedAt;

  protected Finding() {
  }

  Finding(Inspection inspection, String nodeId, String answerKey, String indicator, String category, String valueText,
          String displayText, String description, List<String> evidenceIds, String inspectorName, Instant recordedAt) {
    this.inspectionId = inspection.getId();
    this.planId = inspection.getPlanId();
    this.flowId = inspection.getFlowId();
    this.flowRevision = inspection.getFlowRevision();
    this.nodeId = nodeId;
    this.answerKey = answerKey;
    this.indicator = indicator;
    this.category = category;
    this.valueText = clip(valueText, 200);
    this.displayText = clip(displayText, 500);
    this.description = clip(description, 2000);
    this.evidenceIds = String.join(",", evidenceIds);
    this.areaId = inspection.getAreaId();
    this.villageId = inspection.getVillageId();
    this.householdId = inspection.getHouseholdId();
    this.subject = inspection.getSubject();
    this.memberId = inspection.getMemberId();
    this.inspectorName = inspectorName;
    this.recordedAt = recordedAt;
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max);
  }

  public Long getId() { return id; }
  public Long getInspectionId() { return inspectionId; }
  public Long getPlanId() { return planId; }
  public String getFlowId() { return flowId; }
  public int getFlowRevision() { return flowRevision; }
  public String getNodeId() { return nodeId; }
  public String getAnswerKey() { return answerKey; }
  public String getIndicator() { return indicator; }
  public String getCategory() { return category; }
  public String getValueText() { return valueText; }
  public String getDisplayText() { return displayText; }
  public String getDescription() { return description; }
  public List<String> getEvidenceIds() {
    return evidenceIds.isEmpty() ? List.of() : Arrays.asList(evidenceIds.split(","));
  }
  public Long getAreaId() { return areaId; }
  public Long getVillageId() { return villageId; }
  public Long getHouseholdId() { return householdId; }
  public String getSubject() { return subject; }
  public Long getMemberId() { return memberId; }
  public String getInspectorName() { return inspectorName; }
  public Instant getRecordedAt() { return recordedAt; }
}
