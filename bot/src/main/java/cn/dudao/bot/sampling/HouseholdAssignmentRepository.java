package cn.dudao.bot.sampling;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HouseholdAssignmentRepository extends JpaRepository<HouseholdAssignment, Long> {

  List<HouseholdAssignment> findByMemberIdOrderByVillageIdAscIdAsc(Long memberId);

  List<HouseholdAssignment> findByPlanIdOrderByVillageIdAscIdAsc(Long planId);

  List<HouseholdAssignment> findByVillageIdOrderByIdAsc(Long villageId);

  Optional<HouseholdAssignment> findByPlanIdAndHouseholdId(Long planId, Long householdId);

  @Query("select a.householdId from HouseholdAssignment a where a.planId = ?1")
  List<Long> assignedHouseholdIds(Long planId);

  @Query("select count(a) from HouseholdAssignment a where a.memberId = ?1")
  long countByMemberId(Long memberId);

  /** Households of the plan with a signed visit. */
  @Query("select distinct i.householdId from cn.dudao.bot.inspection.Inspection i where i.planId = ?1"
      + " and i.householdId is not null and i.status = cn.dudao.bot.inspection.Inspection.Status.CONFIRMED")
  List<Long> visitedHouseholdIds(Long planId);

  /** Villages of the plan with a signed check of the given flow. */
  @Query("select distinct i.villageId from cn.dudao.bot.inspection.Inspection i where i.planId = ?1"
      + " and i.flowId = ?2 and i.status = cn.dudao.bot.inspection.Inspection.Status.CONFIRMED")
  List<Long> checkedVillageIds(Long planId, String flowId);
}
