package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.dudao.bot.plan.contacts.ContactSync;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.wecom.WeComDirectory;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Contact sync against WireMock's WeCom (stubs under wiremock/mappings/contacts-*.json): matched by name
 * with the contacts secret's own token; ambiguous, unknown and clashing people listed, not guessed.
 */
class ContactSyncIT extends PlanContext {

  @Autowired
  ContactSync sync;
  @Autowired
  WeComDirectory directory;
  @Autowired
  MemberRepository members;
  @Autowired
  UnitContactRepository contacts;
  @Autowired
  ResponsibleUnitRepository units;

  @Test
  void linksUniqueNamesAndListsTheRest() {
    Plan plan = newPlan("第一组");
    importOk(plan.getId(), PlanSheet.VILLAGES, List.of(List.of("第一组", "甲镇", "", "甲一村")));
    importOk(plan.getId(), PlanSheet.ROSTER, List.of(
        List.of("第一组", "冯八", "组员", "", ""), List.of("第一组", "赵一", "组长", "", ""),
        List.of("第一组", "钱二", "组员", "", "qianer-old"), List.of("第一组", "孙三", "组员", "", ""),
        List.of("第一组", "李四", "组员", "", ""), List.of("第一组", "周五", "组员", "", "fengba-id")));
    importOk(plan.getId(), PlanSheet.CONTACTS, List.of(List.of("县水利局", "县直部门", "吴六", "", "")));

    ContactSync.Result first = sync.sync(ADMIN, plan.getId());

    assertThat(first.directorySize()).isEqualTo(8);
    assertThat(first.lines()).extracting(ContactSync.Line::name, ContactSync.Line::after, ContactSync.Line::outcome)
        .containsExactly(
            tuple("冯八", null, ContactSync.Outcome.ID_TAKEN),
            tuple("赵一", "ZhaoYi01", ContactSync.Outcome.LINKED),
            tuple("钱二", "QianEr", ContactSync.Outcome.LINKED),
            tuple("孙三", null, ContactSync.Outcome.AMBIGUOUS),
            tuple("李四", null, ContactSync.Outcome.NOT_FOUND),
            tuple("周五", "zhouwu", ContactSync.Outcome.LINKED),
            tuple("吴六", "WuLiu", ContactSync.Outcome.LINKED));
    assertThat(first.unmatched()).extracting(ContactSync.Line::name).containsExactly("冯八", "孙三", "李四");
    assertThat(userIds(plan)).containsExactly(null, "ZhaoYi01", "QianEr", null, null, "zhouwu");
    assertThat(contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(List.of(units.findByPlanIdAndName(plan.getId(),
        "县水利局").orElseThrow().getId()))).extracting(UnitContact::getWecomUserId).containsExactly("WuLiu");

    // 周五 gave up fengba-id, so a second run links 冯八 to it; nothing else changes.
    ContactSync.Result second = sync.sync(ADMIN, plan.getId());
    assertThat(second.linked()).extracting(ContactSync.Line::name).containsExactly("冯八");
    assertThat(second.unmatched()).extracting(ContactSync.Line::name).containsExactly("孙三", "李四");
    assertThat(userIds(plan)).containsExactly("fengba-id", "ZhaoYi01", "QianEr", null, null, "zhouwu");

    // The contacts secret got its own token, and the directory was read with it.
    assertThat(requests("/cgi-bin/gettoken")).anySatisfy(e ->
        assertThat(e.getRequest().queryParameter("corpsecret").firstValue()).isEqualTo(CONTACTS_SECRET));
    assertThat(requests("/cgi-bin/user/simplelist")).isNotEmpty().allSatisfy(e ->
        assertThat(e.getRequest().queryParameter("access_token").firstValue()).isEqualTo("CONTACTS_TOKEN"));
    assertThat(audit.findByActorOrderByIdAsc(ADMIN.id())).filteredOn(e -> e.getAction().equals("sync contacts")
        && e.getTarget().equals("plan:" + plan.getId())).hasSize(2);
  }

  @Test
  void whereSimplelistIsRefusedTheIdListAndUserGetAreReadPageByPage() {
    List<cn.dudao.bot.plan.contacts.ContactDirectory.Person> people = directory.people(2);
    assertThat(people).extracting(cn.dudao.bot.plan.contacts.ContactDirectory.Person::userId, cn.dudao.bot.plan.contacts.ContactDirectory.Person::name)
        .containsExactly(tuple("ZhaoYi01", "赵一"), tuple("QianEr", "钱二"));
    assertThat(requests("/cgi-bin/user/list_id")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void onlyTheCountyOfficeSyncs() {
    Plan plan = newPlan("第一组");
    Actor viewer = Actor.viewer(Actor.console("sync-viewer-" + plan.getId()), "查看员");
    assertThatThrownBy(() -> sync.sync(viewer, plan.getId())).isInstanceOf(Access.Refused.class);
    assertThat(denialsOf(viewer.id())).singleElement()
        .satisfies(e -> assertThat(e.getAction()).isEqualTo("admin plan_data"));
  }

  private List<String> userIds(Plan plan) {
    return members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId()).stream().map(Member::getWecomUserId).toList();
  }

  private static List<ServeEvent> requests(String path) {
    return WECOM.server().getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith(path)).toList();
  }
}
