package cn.dudao.bot.reminder;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RuleSettingRepository extends JpaRepository<RuleSetting, Long> {

  List<RuleSetting> findByPlanIdOrderByIdAsc(Long planId);

  Optional<RuleSetting> findByPlanIdAndKind(Long planId, String kind);
}
