package cn.dudao.bot.sampling;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A household sampled for a visit in a plan's round, and the inspector who is to visit it. */
@Entity
@Table(name = "household_assignments")
public class HouseholdAssignment {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long villageId;
  private Long householdId;
  private Long memberId;
  private Instant assignedAt;

  protected HouseholdAssignment() {
  }

  HouseholdAssignment(Long planId, Long villageId, Long householdId, Long memberId, Instant assignedAt) {
    this.planId = planId;
    this.villageId = villageId;
    this.householdId = householdId;
    this.memberId = memberId;
    this.assignedAt = assignedAt;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getVillageId() { return villageId; }
  public Long getHouseholdId() { return householdId; }
  public Long getMemberId() { return memberId; }
  public Instant getAssignedAt() { return assignedAt; }
}
