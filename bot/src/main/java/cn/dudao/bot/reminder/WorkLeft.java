package cn.dudao.bot.reminder;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Plan;
import java.util.List;
import java.util.Set;

/**
 * Something an inspector may still have to do before the field period ends: his team's villages and
 * areas without a signed check, his assigned households not yet visited. Each kind is a bean.
 */
public interface WorkLeft {

  /** Ids of the plan's members with something of this kind left; one query for the whole plan. */
  Set<Long> membersWithWorkLeft(Plan plan);

  /** What is left for one member, as lines for the reminder; empty when nothing. */
  List<String> describe(Plan plan, Member member);
}
