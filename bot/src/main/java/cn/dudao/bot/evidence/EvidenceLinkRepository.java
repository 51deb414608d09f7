package cn.dudao.bot.evidence;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceLinkRepository extends JpaRepository<EvidenceLink, Long> {

  List<EvidenceLink> findByInspectionIdAndAnswerKeyOrderByIdAsc(Long inspectionId, String answerKey);

  List<EvidenceLink> findByEvidenceIdOrderByIdAsc(Long evidenceId);

  boolean existsByEvidenceIdAndInspectionIdAndAnswerKey(Long evidenceId, Long inspectionId, String answerKey);

  List<EvidenceLink> findByProblemIdAndKindOrderByIdAsc(Long problemId, EvidenceLink.Kind kind);

  boolean existsByEvidenceIdAndReportId(Long evidenceId, Long reportId);
}
