package cn.dudao.bot.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AreaRepository extends JpaRepository<Area, Long> {
  List<Area> findByPlanIdOrderBySortOrder(Long planId);

  List<Area> findByTeamIdOrderBySortOrder(Long teamId);
}
