package cn.dudao.bot.conversation;

import cn.dudao.bot.plan.Member;
import cn.dudao.bot.sampling.InspectorTasks;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The household visit's list: the households sampled for the inspector whose visit is not yet signed. */
@Component
class SampledHouseholds implements AssignedHouseholds {

  private final InspectorTasks tasks;

  SampledHouseholds(InspectorTasks tasks) {
    this.tasks = tasks;
  }

  @Override
  public List<Map<String, String>> forMember(Member member) {
    return tasks.assigned(member).stream().filter(a -> !a.visited())
        .map(a -> Map.of("key", Long.toString(a.householdId()), "label", a.label()))
        .toList();
  }
}
