package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.Team;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One more part of a team leader's daily digest, after progress and findings. The problem list (issue 6)
 * adds its open problems by colour here. Sections are ordered by {@code @Order}.
 */
public interface DigestSection {

  Optional<String> render(Plan plan, Team team, LocalDate day);
}
