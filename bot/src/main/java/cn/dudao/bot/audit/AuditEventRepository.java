package cn.dudao.bot.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {
  List<AuditEvent> findByActorOrderByIdAsc(String actor);

  List<AuditEvent> findByOutcomeOrderByIdAsc(String outcome);

  List<AuditEvent> findTop200ByOrderByIdDesc();

  List<AuditEvent> findByTargetOrderByIdAsc(String target);
}
