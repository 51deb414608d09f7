package cn.dudao.bot.problem;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProblemUnitRuleRepository extends JpaRepository<ProblemUnitRule, Long> {
  Optional<ProblemUnitRule> findByPlanIdAndIndicator(Long planId, String indicator);
}
