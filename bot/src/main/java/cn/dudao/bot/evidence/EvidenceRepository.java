package cn.dudao.bot.evidence;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface EvidenceRepository extends JpaRepository<Evidence, Long> {

  Optional<Evidence> findByInboundId(Long inboundId);

  List<Evidence> findByInspectionIdOrderByIdAsc(Long inspectionId);

  List<Evidence> findByUploaderOrderByIdAsc(String uploader);

  List<Evidence> findBySha256OrderByIdAsc(String sha256);

  /** Evidence with the same photo bytes in other inspections, for the reuse check. */
  @Query("select e from Evidence e where e.sha256 = ?1 and e.inspectionId is not null and e.inspectionId <> ?2 order by e.id")
  List<Evidence> findSamePhotoElsewhere(String sha256, Long inspectionId);
}
