package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dudao.bot.plan.excel.ImportProblem;
import cn.dudao.bot.plan.excel.ImportReport;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.plan.excel.PlanWorkbooks;
import cn.dudao.bot.testsupport.Xlsx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Importing and exporting a plan's lists: success, round trip, full masking, the import's own records. */
class PlanImportIT extends PlanContext {

  /** Valid 18-digit numbers (check digit computed) and one already masked. */
  static final String ID_1 = "142422199001011232";
  static final String ID_2 = "14242219850315006X";

  @Autowired
  PlanWorkbooks workbooks;
  @Autowired
  MemberRepository members;
  @Autowired
  AreaRepository areas;
  @Autowired
  VillageRepository villages;
  @Autowired
  HouseholdRepository households;
  @Autowired
  ResponsibleUnitRepository units;
  @Autowired
  UnitContactRepository contacts;
  @Autowired
  JdbcTemplate jdbc;

  Plan plan;

  @BeforeEach
  void setUp() {
    plan = newPlan("第一组", "第二组");
  }

  @Test
  void importsAllFourListsAndMasksIdNumbersOnTheWayIn() {
    ImportReport v = importOk(plan.getId(), PlanSheet.VILLAGES, List.of(
        List.of("第一组", "甲镇", "", "甲一村"), List.of("第一组", "甲镇", "乡镇", "甲二村"),
        List.of("第二组", "乙镇", "", "乙一村"), List.of("第二组", "丙景区", "景区", "丙一村")));
    assertThat(v.created()).isEqualTo(4);
    ImportReport r = importOk(plan.getId(), PlanSheet.ROSTER, List.of(
        List.of("第一组", "赵一", "组长", "县委副书记", "zhaoyi"), List.of("第一组", "钱二", "副组长", "", "qianer"),
        List.of("第一组", "孙三", "组员", "县水利局干部", ""), List.of("第二组", "李四", "组长", "", "lisi")));
    assertThat(r.created()).isEqualTo(4);
    ImportReport h = importOk(plan.getId(), PlanSheet.HOUSEHOLDS, List.of(
        List.of("甲镇", "甲一村", "王大", ID_1, "脱贫不稳定户", 4, "是", 3, "否"),
        List.of("甲镇", "甲一村", "王二", ID_2, "一般脱贫户", "3", "", "", ""),
        List.of("乙镇", "乙一村", "周五", "1424**********5678", "一般农户", "2", "否", "", "是")));
    assertThat(h.created()).isEqualTo(3);
    ImportReport c = importOk(plan.getId(), PlanSheet.CONTACTS, List.of(
        List.of("县水利局", "县直部门", "吴六", "wuliu", "13800000000"),
        List.of("甲镇", "乡镇", "郑七", "", ""), List.of("县乡村振兴局", "牵头单位", "冯八", "fengba", "")));
    assertThat(c.created()).isEqualTo(3);

    Map<String, Area> areaByName = areas.findByPlanIdOrderBySortOrder(plan.getId()).stream()
        .collect(Collectors.toMap(Area::getName, a -> a));
    assertThat(areaByName.get("丙景区").getKind()).isEqualTo(Area.Kind.SCENIC_AREA);
    assertThat(members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId()))
        .extracting(Member::getName, m -> m.getRole().label(), Member::getWecomUserId)
        .contains(org.assertj.core.groups.Tuple.tuple("孙三", "组员", null));
    List<Household> stored = households.findByPlanId(plan.getId(), org.springframework.data.domain.Pageable.unpaged())
        .getContent();
    assertThat(stored).extracting(Household::getIdNumberMasked)
        .containsExactly("1424**********1232", "1424**********006X", "1424**********5678");
    assertThat(stored.get(0).isMonitored()).isTrue();
    assertThat(stored.get(0).getWarningLevel()).isEqualTo(3);
    assertThat(stored.get(2).isRiskEliminated()).isTrue();
    // The full numbers are nowhere in the database: not in households, not in the audit trail.
    assertThat(jdbc.queryForObject("select count(*) from households where id_number_masked like ? or id_number_masked like ?",
        Long.class, "%199001011232%", "%19850315006X%")).isZero();
    assertThat(jdbc.queryForObject("select count(*) from audit_events where detail like ? or detail like ?",
        Long.class, "%199001011232%", "%19850315006X%")).isZero();
    ResponsibleUnit township = units.findByPlanIdAndName(plan.getId(), "甲镇").orElseThrow();
    assertThat(township.getAreaId()).isEqualTo(areaByName.get("甲镇").getId());
    assertThat(units.findByPlanIdAndName(plan.getId(), "县乡村振兴局").orElseThrow().getKind())
        .isEqualTo(ResponsibleUnit.Kind.COUNTY_OFFICE);
    assertThat(audit.findByActorOrderByIdAsc(ADMIN.id())).filteredOn(e -> e.getTarget().endsWith("@plan:" + plan.getId()))
        .extracting(e -> e.getAction() + "/" + e.getOutcome())
        .containsExactly("import villages/APPLIED", "import roster/APPLIED", "import households/APPLIED",
            "import contacts/APPLIED");
  }

  @Test
  void anExportImportsBackUnchangedAndAChangedRowUpdatesInPlace() throws IOException {
    importsAllFourListsAndMasksIdNumbersOnTheWayIn();
    for (PlanSheet sheet : PlanSheet.values()) {
      byte[] exported = export(sheet);
      assertThat(Xlsx.sheetNames(exported)).containsExactly(sheet.title());
      assertThat(Xlsx.rows(exported, 0).get(0))
          .containsExactlyElementsOf(sheet.columns().stream().map(PlanSheet.Column::header).toList());
      ImportReport again = imports.run(ADMIN, plan.getId(), sheet, exported);
      assertThat(again.applied()).as(sheet + ": " + again.problems()).isTrue();
      assertThat(again.created() + again.updated()).as(sheet.title()).isZero();
      assertThat(again.unchanged()).isEqualTo(again.rows());
    }
    List<List<String>> roster = Xlsx.rows(export(PlanSheet.ROSTER), 0);
    assertThat(roster.get(1)).containsExactly("第一组", "赵一", "组长", "县委副书记", "zhaoyi");
    List<List<String>> hh = Xlsx.rows(export(PlanSheet.HOUSEHOLDS), 0);
    assertThat(hh.get(1)).containsExactly("甲镇", "甲一村", "王大", "1424**********1232", "脱贫不稳定户", "4", "是", "3", "否");

    // 孙三 gets his WeCom id and moves to 第二组; 王大 is now 一般脱贫户 of three.
    ImportReport moved = importOk(plan.getId(), PlanSheet.ROSTER, List.of(List.of("第二组", "孙三", "组员", "县水利局干部", "sunsan")));
    assertThat(moved.updated()).isEqualTo(1);
    Member sun = members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId()).stream()
        .filter(m -> m.getName().equals("孙三")).findFirst().orElseThrow();
    assertThat(sun.getWecomUserId()).isEqualTo("sunsan");
    ImportReport changed = importOk(plan.getId(), PlanSheet.HOUSEHOLDS, List.of(
        List.of("甲镇", "甲一村", "王大", ID_1, "一般脱贫户", 3, "否", "", "是")));
    assertThat(changed.updated()).isEqualTo(1);
    assertThat(households.findByPlanId(plan.getId(), org.springframework.data.domain.Pageable.unpaged()).getContent())
        .hasSize(3).first().satisfies(h -> {
          assertThat(h.getCategory()).isEqualTo(HouseholdCategory.STABLE_LIFTED);
          assertThat(h.getSize()).isEqualTo(3);
          assertThat(h.isMonitored()).isFalse();
        });
  }

  @Test
  void templatesCarryTheChineseHeadersAndInstructions() throws IOException {
    for (PlanSheet sheet : PlanSheet.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      workbooks.template(sheet, out);
      byte[] template = out.toByteArray();
      assertThat(Xlsx.sheetNames(template)).containsExactly(sheet.title(), "填写说明");
      assertThat(Xlsx.rows(template, 0)).hasSize(1);
      assertThat(Xlsx.rows(template, 0).get(0))
          .containsExactlyElementsOf(sheet.columns().stream().map(PlanSheet.Column::header).toList());
      assertThat(Xlsx.rows(template, 1).get(1).get(1)).isIn("必填", "选填");
      // An empty template is refused as such, not half-read.
      ImportReport empty = imports.run(ADMIN, plan.getId(), sheet, template);
      assertThat(empty.applied()).isFalse();
      assertThat(empty.problems()).extracting(ImportProblem::reason).containsExactly("文件中没有数据行");
    }
  }

  @Test
  void onlyTheCountyOfficeImportsAndExportsAndEachRefusalIsOnRecord() {
    Actor viewer = Actor.viewer(Actor.console("it-viewer-" + plan.getId()), "查看员");
    byte[] file = file(PlanSheet.VILLAGES, List.of(List.of("第一组", "甲镇", "", "甲一村")));
    assertThatThrownBy(() -> imports.run(viewer, plan.getId(), PlanSheet.VILLAGES, file))
        .isInstanceOf(Access.Refused.class);
    Actor otherPlansOffice = new Actor(Actor.wecom("office-" + plan.getId()), "他县督导办", Actor.Role.COUNTY_OFFICE,
        plan.getId() + 100_000, null, null, false, java.util.Set.of());
    assertThatThrownBy(() -> imports.run(otherPlansOffice, plan.getId(), PlanSheet.VILLAGES, file))
        .isInstanceOf(Access.Refused.class);
    assertThat(villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(
        areas.findByPlanIdOrderBySortOrder(plan.getId()).stream().map(Area::getId).toList())).isEmpty();
    assertThat(denialsOf(viewer.id())).singleElement().satisfies(e -> {
      assertThat(e.getAction()).isEqualTo("admin plan_data");
      assertThat(e.getTarget()).isEqualTo("plan_data:" + plan.getId());
    });
    assertThat(denialsOf(otherPlansOffice.id())).hasSize(1);
    // The viewer may export (VIEW), a team leader may not.
    assertThat(export(viewer, PlanSheet.VILLAGES)).isNotEmpty();
    Actor leader = new Actor(Actor.wecom("leader-" + plan.getId()), "组长", Actor.Role.TEAM_LEADER, plan.getId(), 1L,
        1L, true, java.util.Set.of());
    assertThatThrownBy(() -> export(leader, PlanSheet.HOUSEHOLDS)).isInstanceOf(Access.Refused.class);
    assertThat(denialsOf(leader.id())).extracting(e -> e.getAction()).containsExactly("view plan_data");
  }

  private byte[] export(PlanSheet sheet) {
    return export(ADMIN, sheet);
  }

  private byte[] export(Actor actor, PlanSheet sheet) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      workbooks.export(actor, plan.getId(), sheet, out);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toByteArray();
  }

  static List<List<Object>> rows(List<Object>... rows) {
    return new ArrayList<>(List.of(rows));
  }
}
