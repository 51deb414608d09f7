package cn.dudao.bot.evidence;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EvidenceFlagRepository extends JpaRepository<EvidenceFlag, Long> {

  List<EvidenceFlag> findByEvidenceIdOrderByIdAsc(Long evidenceId);

  List<EvidenceFlag> findByEvidenceIdInOrderByIdAsc(Collection<Long> evidenceIds);

  boolean existsByEvidenceIdAndCode(Long evidenceId, EvidenceFlag.Code code);
}
