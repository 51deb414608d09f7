package cn.dudao.bot.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InspectionRepository extends JpaRepository<Inspection, Long> {
  List<Inspection> findByMemberIdOrderByIdAsc(Long memberId);

  List<Inspection> findByStatusOrderByIdAsc(Inspection.Status status);
}
