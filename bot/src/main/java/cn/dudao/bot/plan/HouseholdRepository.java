package cn.dudao.bot.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface HouseholdRepository extends JpaRepository<Household, Long> {

  List<Household> findByVillageIdOrderBySortOrderAscIdAsc(Long villageId);

  List<Household> findByVillageIdIn(Collection<Long> villageIds);

  @Query("select h from Household h, Village v, Area a where v.id = h.villageId and a.id = v.areaId and a.planId = ?1"
      + " order by a.sortOrder, v.sortOrder, h.sortOrder, h.id")
  Page<Household> findByPlanId(Long planId, Pageable page);

  @Query("select count(h) from Household h, Village v, Area a where v.id = h.villageId and a.id = v.areaId"
      + " and a.planId = ?1")
  long countByPlanId(Long planId);
}
