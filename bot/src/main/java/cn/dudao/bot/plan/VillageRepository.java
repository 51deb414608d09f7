package cn.dudao.bot.plan;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface VillageRepository extends JpaRepository<Village, Long> {
  List<Village> findByAreaIdInOrderByAreaIdAscSortOrderAsc(Collection<Long> areaIds);

  List<Village> findByAreaIdOrderBySortOrder(Long areaId);
}
