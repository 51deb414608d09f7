package cn.dudao.bot.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FindingRepository extends JpaRepository<Finding, Long> {
  List<Finding> findByInspectionIdOrderByIdAsc(Long inspectionId);

  List<Finding> findByPlanIdOrderByIdAsc(Long planId);
}
