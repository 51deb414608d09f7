package cn.dudao.bot.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TeamRepository extends JpaRepository<Team, Long> {
  List<Team> findByPlanIdOrderByNumber(Long planId);
}
