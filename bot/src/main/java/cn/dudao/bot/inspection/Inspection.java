package cn.dudao.bot.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One run of a flow by one inspector for one place (a village check, an area check, a household
 * visit). Once confirmed (签字确认) it is signed by its inspector and never changes: 谁督导、谁签字、谁负责.
 */
@Entity
@Table(name = "inspections")
public class Inspection {

  /** DRAFT while answering; CONFIRMED once signed; ABANDONED when the inspector left the flow. */
  public enum Status { DRAFT, CONFIRMED, ABANDONED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long memberId;
  private String flowId;
  private int flowRevision;
  private Long areaId;
  private Long villageId;
  private Long householdId;
  private String subject;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Instant startedAt;
  private Instant confirmedAt;
  private String confirmedBy;

  protected Inspection() {
  }

  Inspection(Long planId, Long memberId, String flowId, int flowRevision, Instant startedAt) {
    this.planId = planId;
    this.memberId = memberId;
    this.flowId = flowId;
    this.flowRevision = flowRevision;
    this.status = Status.DRAFT;
    this.startedAt = startedAt;
  }

  /** Where the inspection takes place; {@code subject} names it for people (乡镇, 村 or 户). */
  void place(Long areaId, Long villageId, Long householdId, String subject) {
    requireDraft();
    this.areaId = areaId;
    this.villageId = villageId;
    this.householdId = householdId;
    this.subject = subject;
  }

  void confirm(String inspectorName, Instant at) {
    requireDraft();
    this.status = Status.CONFIRMED;
    this.confirmedBy = inspectorName;
    this.confirmedAt = at;
  }

  void abandon() {
    if (status == Status.DRAFT) {
      this.status = Status.ABANDONED;
    }
  }

  void requireDraft() {
    if (status != Status.DRAFT) {
      throw new IllegalStateException("inspection " + id + " is " + status + " and can no longer change");
    }
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getMemberId() { return memberId; }
  public String getFlowId() { return flowId; }
  public int getFlowRevision() { return flowRevision; }
  public Long getAreaId() { return areaId; }
  public Long getVillageId() { return villageId; }
  public Long getHouseholdId() { return householdId; }
  public String getSubject() { return subject; }
  public Status getStatus() { return status; }
  public Instant getStartedAt() { return startedAt; }
  public Instant getConfirmedAt() { return confirmedAt; }
  public String getConfirmedBy() { return confirmedBy; }
}
