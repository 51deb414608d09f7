package cn.dudao.bot.inspection;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AnswerRepository extends JpaRepository<Answer, Long> {
  List<Answer> findByInspectionIdAndCurrentTrueOrderByIdAsc(Long inspectionId);

  List<Answer> findByInspectionIdOrderByIdAsc(Long inspectionId);

  List<Answer> findByInspectionIdAndAnswerKeyInAndCurrentTrue(Long inspectionId, Collection<String> keys);
}
