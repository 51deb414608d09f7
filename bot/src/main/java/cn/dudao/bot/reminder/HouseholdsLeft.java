package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.sampling.InspectorTasks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The sampled households assigned to an inspector whose visit is not yet signed (issue 4's sampling;
 * a visit counts once a household inspection is confirmed, as 我的任务 counts it).
 */
@Component
@Order(20)
class HouseholdsLeft implements WorkLeft {

  private final JdbcTemplate jdbc;
  private final InspectorTasks tasks;

  HouseholdsLeft(JdbcTemplate jdbc, InspectorTasks tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
  }

  @Override
  public Set<Long> membersWithWorkLeft(Plan plan) {
    return new HashSet<>(jdbc.queryForList("SELECT DISTINCT a.member_id FROM household_assignments a"
        + " WHERE a.plan_id = ? AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.plan_id = a.plan_id"
        + " AND i.household_id = a.household_id AND i.status = 'CONFIRMED')", Long.class, plan.getId()));
  }

  @Override
  public List<String> describe(Plan plan, Member member) {
    List<String> left = tasks.assigned(member).stream().filter(a -> !a.visited()).map(InspectorTasks.Assigned::label)
        .toList();
    return left.isEmpty() ? List.of() : List.of("未完成入户走访的农户（" + left.size() + "户）：" + Texts.list(left));
  }
}
