package cn.dudao.bot.problem;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProblemReportRepository extends JpaRepository<ProblemReport, Long> {
  List<ProblemReport> findByProblemIdOrderByIdAsc(Long problemId);
}
