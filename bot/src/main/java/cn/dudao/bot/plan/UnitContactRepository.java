package cn.dudao.bot.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UnitContactRepository extends JpaRepository<UnitContact, Long> {
  List<UnitContact> findByUnitIdInOrderByUnitIdAscSortOrderAsc(Collection<Long> unitIds);

  /** The contact entries of a WeCom user in active plans, newest plan first. */
  @Query("select c from UnitContact c, ResponsibleUnit u, Plan p where u.id = c.unitId and p.id = u.planId"
      + " and p.active = true and c.wecomUserId = ?1 order by p.id desc")
  List<UnitContact> findActiveByWecomUserId(String wecomUserId);
}
