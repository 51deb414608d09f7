package cn.dudao.bot.plan;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ResponsibleUnitRepository extends JpaRepository<ResponsibleUnit, Long> {
  List<ResponsibleUnit> findByPlanIdOrderBySortOrderAscIdAsc(Long planId);

  Optional<ResponsibleUnit> findByPlanIdAndName(Long planId, String name);
}
