package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The villages of an inspector's team without a signed village check, and its areas without an area check. */
@Component
@Order(10)
class TeamWorkLeft implements WorkLeft {

  private final TeamProgress progress;

  TeamWorkLeft(TeamProgress progress) {
    this.progress = progress;
  }

  @Override
  public Set<Long> membersWithWorkLeft(Plan plan) {
    return progress.inspectorsWithWorkLeft(plan.getId());
  }

  @Override
  public List<String> describe(Plan plan, Member member) {
    TeamProgress.Progress team = progress.of(plan.getId(), member.getTeamId(), Instant.EPOCH);
    List<String> lines = new ArrayList<>();
    List<String> villages = team.villagesLeft();
    if (!villages.isEmpty()) {
      lines.add("未完成村级核查的村（" + villages.size() + "个）：" + Texts.list(villages));
    }
    List<String> areas = team.areasLeft();
    if (!areas.isEmpty()) {
      lines.add("未完成乡镇督导的乡镇（" + areas.size() + "个）：" + Texts.list(areas));
    }
    return lines;
  }
}
