package cn.dudao.bot.problem;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One item of the problem list: what is wrong (standard wording, editable), where, the evidence, the
 * inspector who found it, the unit that must fix it, by when, and where it stands. Its status changes
 * only through {@link ProblemWorkflow}.
 */
@Entity
@Table(name = "problems")
public class Problem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long findingId;
  private Long inspectionId;
  private String indicator;
  private String category;
  private String wording;
  private Long areaId;
  private Long villageId;
  private Long householdId;
  private String subject;
  private String evidenceIds;
  private Long memberId;
  private String inspectorName;
  private Long teamId;
  private Long unitId;
  @Enumerated(EnumType.STRING)
  private ProblemStatus status = ProblemStatus.PENDING_ASSIGNMENT;
  private LocalDate deadline;
  private Long mergedIntoId;
  private Instant createdAt;
  private Instant updatedAt;

  protected Problem() {
  }

  Problem(Long planId, Long findingId, Long inspectionId, String indicator, String category, String wording,
          Long areaId, Long villageId, Long householdId, String subject, List<String> evidenceIds, Long memberId,
          String inspectorName, Long teamId, Long unitId, LocalDate deadline, Instant now) {
    this.planId = planId;
    this.findingId = findingId;
    this.inspectionId = inspectionId;
    this.indicator = indicator;
    this.category = category;
    this.wording = clip(wording);
    this.areaId = areaId;
    this.villageId = villageId;
    this.householdId = householdId;
    this.subject = subject;
    this.evidenceIds = String.join(",", evidenceIds);
    this.memberId = memberId;
    this.inspectorName = inspectorName;
    this.teamId = teamId;
    this.unitId = unitId;
    this.deadline = deadline;
    this.createdAt = now;
    this.updatedAt = now;
  }

  static String clip(String s) {
    String v = s == null ? "" : s.strip();
    return v.length() <= 2000 ? v : v.substring(0, 2000);
  }

  void moveTo(ProblemStatus next, Instant now) {
    this.status = next;
    this.updatedAt = now;
  }

  void reword(String wording, Instant now) {
    this.wording = clip(wording);
    this.updatedAt = now;
  }

  void reassign(Long unitId, Instant now) {
    this.unitId = unitId;
    this.updatedAt = now;
  }

  void extend(LocalDate deadline, Instant now) {
    this.deadline = deadline;
    this.updatedAt = now;
  }

  void mergeInto(Long otherId) {
    this.mergedIntoId = otherId;
  }

  void addEvidence(List<String> more) {
    List<String> all = new java.util.ArrayList<>(getEvidenceIds());
    more.stream().filter(e -> !all.contains(e)).forEach(all::add);
    this.evidenceIds = String.join(",", all);
  }

  /** Where, in words: the inspection's subject (village, household) or nothing. */
  public String place() {
    return subject == null || subject.isBlank() ? "（未注明地点）" : subject;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getFindingId() { return findingId; }
  public Long getInspectionId() { return inspectionId; }
  public String getIndicator() { return indicator; }
  public String getCategory() { return category; }
  public String getWording() { return wording; }
  public Long getAreaId() { return areaId; }
  public Long getVillageId() { return villageId; }
  public Long getHouseholdId() { return householdId; }
  public String getSubject() { return subject; }
  public List<String> getEvidenceIds() {
    return evidenceIds.isEmpty() ? List.of() : Arrays.asList(evidenceIds.split(","));
  }
  public Long getMemberId() { return memberId; }
  public String getInspectorName() { return inspectorName; }
  public Long getTeamId() { return teamId; }
  public Long getUnitId() { return unitId; }
  public ProblemStatus getStatus() { return status; }
  public LocalDate getDeadline() { return deadline; }
  public Long getMergedIntoId() { return mergedIntoId; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getUpdatedAt() { return updatedAt; }
}
