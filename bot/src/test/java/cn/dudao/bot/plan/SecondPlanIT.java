package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.plan.excel.PlanSheet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A second plan, created and filled like the county office would, used in parallel with the seeded
 * Youyu plan: each inspector is served from the plan he belongs to, and a person on both rosters from
 * the plan in its field period, or from the plan of the flow he is in.
 */
class SecondPlanIT extends PlanContext {

  @Autowired
  Roster roster;
  @Autowired
  MemberRepository members;
  @Autowired
  InspectionRepository inspections;

  @Test
  void eachInspectorIsServedFromHisOwnPlan() {
    Plan youyu = planRepository.findByCode("youyu-2021").orElseThrow();
    Plan second = newPlan("第一组");
    String tag = second.getCode().substring(3);
    importOk(second.getId(), PlanSheet.VILLAGES, List.of(List.of("第一组", "甲镇", "", "甲一村"),
        List.of("第一组", "甲镇", "", "甲二村")));
    // 庞乐 (pangle) of the seeded plan's second team is also on the new plan's roster.
    importOk(second.getId(), PlanSheet.ROSTER, List.of(List.of("第一组", "赵六", "组长", "", "zhaoliu-" + tag),
        List.of("第一组", "庞乐", "组员", "县医保局干部", "pangle")));
    assertThat(planRepository.findByActiveTrueOrderByIdDesc()).extracting(Plan::getId)
        .contains(youyu.getId(), second.getId());

    // Only on the seeded plan: the seeded villages of his team.
    List<String> seeded = chat("renyanfang", "开始");
    assertThat(String.join("\n", seeded)).contains("新城镇 新城示例一村").doesNotContain("甲镇");
    chat("renyanfang", "退出");
    // Only on the second plan: its villages.
    List<String> fresh = chat("zhaoliu-" + tag, "开始");
    assertThat(String.join("\n", fresh)).contains("甲镇 甲一村").contains("甲镇 甲二村").doesNotContain("新城");

    // On both: the second plan is in its field period (the seeded one ran in 2021), so it serves him.
    Member inSecond = membership("pangle", second.getId());
    Member inYouyu = membership("pangle", youyu.getId());
    assertThat(roster.memberships("pangle")).extracting(Member::getPlanId).containsExactly(second.getId(), youyu.getId());
    assertThat(idOf(roster.findMember("pangle"))).isEqualTo(inSecond.getId());
    List<String> both = chat("pangle", "开始");
    assertThat(String.join("\n", both)).contains("甲镇 甲一村").doesNotContain("新城");
    chat("pangle", "1");
    Inspection started = inspections.findByMemberIdOrderByIdAsc(inSecond.getId()).get(0);
    assertThat(started.getPlanId()).isEqualTo(second.getId());
    assertThat(started.getVillageId()).isNotNull();
    assertThat(inspections.findByMemberIdOrderByIdAsc(inYouyu.getId())).isEmpty();

    // A flow pins its membership: were he served from the seeded plan when idle, his open flow stays put.
    assertThat(idOf(roster.findMember("pangle", inYouyu.getId()))).isEqualTo(inYouyu.getId());
    assertThat(idOf(roster.findMember("pangle", inSecond.getId()))).isEqualTo(inSecond.getId());
    List<String> tasks = chat("pangle", "退出");
    assertThat(tasks).isNotEmpty();
    assertThat(chat("pangle", "我的任务").get(0)).contains(second.getName()).contains("甲镇 甲一村");

    // The second plan switched off: he is back on the seeded plan, and its villages.
    plans.setActive(ADMIN, second.getId(), false);
    assertThat(idOf(roster.findMember("pangle"))).isEqualTo(inYouyu.getId());
    assertThat(String.join("\n", chat("pangle", "开始"))).contains("新城镇 新城示例一村").doesNotContain("甲镇");
    chat("pangle", "退出");
    assertThat(String.join("\n", chat("zhaoliu-" + tag, "开始"))).contains("不在本轮督导工作人员名单中");
    plans.setActive(ADMIN, second.getId(), true);
    assertThat(idOf(roster.findMember("pangle"))).isEqualTo(inSecond.getId());
  }

  private static Long idOf(java.util.Optional<Member> member) {
    return member.map(Member::getId).orElse(null);
  }

  private Member membership(String userId, long planId) {
    return members.findByPlanIdOrderByTeamIdAscSortOrderAsc(planId).stream()
        .filter(m -> userId.equals(m.getWecomUserId())).findFirst().orElseThrow();
  }
}
