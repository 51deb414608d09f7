package cn.dudao.bot.plan;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.plan.excel.ImportProblem;
import cn.dudao.bot.plan.excel.ImportReport;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.Xlsx;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every way an import is refused: each gives its row, column and reason, writes nothing at all, and
 * leaves a REJECTED (or FAILED) line in the audit trail.
 */
class PlanImportErrorsIT extends PlanContext {

  @Autowired
  MemberRepository members;
  @Autowired
  HouseholdRepository households;
  @Autowired
  AreaRepository areas;
  @Autowired
  JdbcTemplate jdbc;

  Plan plan;

  @BeforeEach
  void setUp() {
    plan = newPlan("第一组", "第二组");
    importOk(plan.getId(), PlanSheet.VILLAGES, List.of(List.of("第一组", "甲镇", "", "甲一村"),
        List.of("第二组", "乙镇", "", "乙一村")));
    importOk(plan.getId(), PlanSheet.ROSTER, List.of(List.of("第一组", "赵一", "组长", "", "zhaoyi")));
  }

  @Test
  void notAnXlsxAnOldXlsADamagedFileAndAnOversizedOne() {
    assertRefused(PlanSheet.ROSTER, "名单.csv".getBytes(), 0, "", "不是 Excel 文件");
    byte[] xls = new byte[2048];
    System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
        (byte) 0xE1}, 0, xls, 0, 8);
    assertRefused(PlanSheet.ROSTER, xls, 0, "", "旧版 .xls");
    byte[] damaged = Arrays.copyOf(new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}, 4096);
    assertRefused(PlanSheet.ROSTER, damaged, 0, "", "无法读取文件");
    byte[] oversized = Arrays.copyOf(new byte[] {0x50, 0x4B, 0x03, 0x04}, 301 * 1024);
    assertRefused(PlanSheet.ROSTER, oversized, 0, "", "文件过大");
    assertRefused(PlanSheet.ROSTER, new byte[0], 0, "", "文件为空");
  }

  @Test
  void tooManyRows() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 1001; i++) {
      rows.add(List.of("第一组", "甲镇", "", "村" + i));
    }
    assertRefused(PlanSheet.VILLAGES, file(PlanSheet.VILLAGES, rows), 0, "", "数据行过多");
  }

  @Test
  void badHeaders() {
    byte[] missing = Xlsx.of(List.of("督导组", "职务", "企业微信账号"), List.of(List.of("第一组", "组员", "a")));
    assertRefused(PlanSheet.ROSTER, missing, 1, "", "缺少必填列“姓名”");
    byte[] unknown = Xlsx.of(List.of("督导组", "姓名", "职务", "备注"), List.of(List.of("第一组", "钱二", "组员", "x")));
    assertRefused(PlanSheet.ROSTER, unknown, 1, "D（备注）", "无法识别的列“备注”");
    byte[] twice = Xlsx.of(List.of("督导组", "姓名", "职务", "姓名"), List.of(List.of("第一组", "钱二", "组员", "钱二")));
    assertRefused(PlanSheet.ROSTER, twice, 1, "D（姓名）", "列“姓名”重复");
  }

  @Test
  void missingCellsUnknownTeamBadRoleAndDuplicates() {
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第一组", "", "组员", "", "qian"))),
        2, "B（姓名）", "必填项为空");
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第九组", "钱二", "组员", "", "qian"))),
        2, "A（督导组）", "未知督导组“第九组”");
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第一组", "钱二", "队长", "", "qian"))),
        2, "C（职务）", "职务“队长”无效");
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第一组", "钱二", "组员", "", "qian"),
        List.of("第二组", "孙三", "组员", "", "qian"))), 3, "E（企业微信账号）", "与第 2 行重复");
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第一组", "钱二", "组员", "", "qi an"))),
        2, "E（企业微信账号）", "只能包含字母");
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第一组", "钱二", "组长", "", "qian"))),
        2, "C（职务）", "已有组长“赵一”");
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第一组", "赵一", "组长", "", ""),
        List.of("第二组", "钱二", "组员", "", "zhaoyi"))), 3, "B（姓名）", "与名单中已有的“赵一”是同一人");
    importOk(plan.getId(), PlanSheet.ROSTER, List.of(List.of("第二组", "钱二", "组员", "", "")));
    assertRefused(PlanSheet.ROSTER, file(PlanSheet.ROSTER, List.of(List.of("第二组", "钱二", "组员", "", "zhaoyi"))),
        2, "E（企业微信账号）", "已被名单中的“赵一”使用");
    assertRefused(PlanSheet.VILLAGES, file(PlanSheet.VILLAGES, List.of(List.of("第一组", "丁镇", "", "丁一村"),
        List.of("第一组", "丁镇", "", "丁一村"))), 3, "D（行政村）", "与第 2 行重复");
    assertRefused(PlanSheet.VILLAGES, file(PlanSheet.VILLAGES, List.of(List.of("第一组", "丁镇", "", "丁一村"),
        List.of("第二组", "丁镇", "", "丁二村"))), 3, "A（督导组）", "督导组或类型与本行不同");
    assertRefused(PlanSheet.VILLAGES, file(PlanSheet.VILLAGES, List.of(List.of("第一组", "丁镇", "县城", "丁一村"))),
        2, "C（乡镇类型）", "乡镇类型“县城”无效");
    assertRefused(PlanSheet.CONTACTS, file(PlanSheet.CONTACTS, List.of(List.of("戊镇", "乡镇", "郑七", "", ""))),
        2, "A（责任单位）", "未知乡镇“戊镇”");
    assertRefused(PlanSheet.CONTACTS, file(PlanSheet.CONTACTS, List.of(List.of("县水利局", "局", "郑七", "", ""))),
        2, "B（单位类型）", "单位类型“局”无效");
    assertRefused(PlanSheet.CONTACTS, file(PlanSheet.CONTACTS, List.of(List.of("县水利局", "县直部门", "郑七", "zq", ""),
        List.of("县水利局", "县直部门", "郑七", "zq", ""))), 3, "D（企业微信账号）", "与第 2 行重复");
  }

  @Test
  void householdsUnknownPlacesBadCategoryAndIdNumbers() {
    assertRefused(PlanSheet.HOUSEHOLDS, households("戊镇", "甲一村", "王大", "1424**********1234", "一般农户"),
        2, "A（乡镇）", "未知乡镇“戊镇”");
    assertRefused(PlanSheet.HOUSEHOLDS, households("甲镇", "甲九村", "王大", "1424**********1234", "一般农户"),
        2, "B（行政村）", "没有行政村“甲九村”");
    assertRefused(PlanSheet.HOUSEHOLDS, households("甲镇", "甲一村", "王大", "1424**********1234", "贫困户"),
        2, "E（户类型）", "户类型“贫困户”无效");
    // A full number with a wrong check digit: refused, and the message shows the masked digits only.
    ImportReport checksum = assertRefused(PlanSheet.HOUSEHOLDS,
        households("甲镇", "甲一村", "王大", "142422199001011233", "一般农户"), 2, "D（身份证号）", "校验位不正确");
    assertThat(checksum.problems().get(0).reason()).contains("1424**********1233").doesNotContain("19900101");
    assertRefused(PlanSheet.HOUSEHOLDS, households("甲镇", "甲一村", "王大", "14242219900101", "一般农户"),
        2, "D（身份证号）", "身份证号格式不正确");
    byte[] numeric = file(PlanSheet.HOUSEHOLDS, List.of(List.of("甲镇", "甲一村", "王大", 142422199001011232L, "一般农户", 3)));
    ImportReport number = assertRefused(PlanSheet.HOUSEHOLDS, numeric, 2, "D（身份证号）", "数字格式");
    assertThat(number.problems().get(0).reason()).doesNotContain("1424221990");
    assertRefused(PlanSheet.HOUSEHOLDS, file(PlanSheet.HOUSEHOLDS, List.of(
        List.of("甲镇", "甲一村", "王大", "1424**********1234", "一般农户", 40))), 2, "F（家庭人口）", "1 至 30 的整数");
    assertRefused(PlanSheet.HOUSEHOLDS, file(PlanSheet.HOUSEHOLDS, List.of(
        List.of("甲镇", "甲一村", "王大", "1424**********1234", "一般农户", 3, "可能"))), 2, "G（监测对象）", "应填“是”或“否”");
    assertRefused(PlanSheet.HOUSEHOLDS, file(PlanSheet.HOUSEHOLDS, List.of(
        List.of("甲镇", "甲一村", "王大", "1424**********1232", "一般农户", 3),
        List.of("甲镇", "甲一村", "王大", "142422199001011232", "一般农户", 3))), 3, "D（身份证号）", "与第 2 行重复");
  }

  @Test
  void oneBadRowAmongManyWritesNothing() {
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      rows.add(List.of("甲镇", "甲一村", "户主" + i, String.format("1424**********%04d", i), "一般脱贫户", 3));
    }
    rows.add(List.of("甲镇", "甲一村", "最后一户", "1424**********9999", "一般脱贫户", 0));
    ImportReport report = assertRefused(PlanSheet.HOUSEHOLDS, file(PlanSheet.HOUSEHOLDS, rows), 42, "F（家庭人口）",
        "1 至 30 的整数");
    assertThat(report.problems()).hasSize(1);
    assertThat(report.rows()).isEqualTo(41);
  }

  @Test
  void aDatabaseFailureHalfwayRollsBackEveryRowAlreadyWritten() {
    // A check constraint that one row violates: the database fails halfway, on MariaDB, MySQL and H2 alike.
    jdbc.execute("ALTER TABLE households ADD CONSTRAINT it_fail_household_" + plan.getId()
        + " CHECK (head_name <> '触发失败" + plan.getId() + "')");
    try {
      // 600 rows: the first batch of 500 is written before row 551 fails in the second.
      List<List<Object>> rows = new ArrayList<>();
      for (int i = 0; i < 600; i++) {
        rows.add(List.of("甲镇", "甲一村", i == 550 ? "触发失败" + plan.getId() : "户主" + i,
            String.format("1424**********%04d", i), "一般脱贫户", 3));
      }
      ImportReport report = assertRefused(PlanSheet.HOUSEHOLDS, file(PlanSheet.HOUSEHOLDS, rows), 0, "", "已全部撤销",
          AuditEvent.Outcome.FAILED);
      assertThat(report.applied()).isFalse();
    } finally {
      jdbc.execute("ALTER TABLE households DROP CONSTRAINT it_fail_household_" + plan.getId());
    }
  }

  private byte[] households(String area, String village, String head, String id, String category) {
    return file(PlanSheet.HOUSEHOLDS, List.of(List.of(area, village, head, id, category, 3)));
  }

  private ImportReport assertRefused(PlanSheet sheet, byte[] file, int row, String column, String reason) {
    return assertRefused(sheet, file, row, column, reason, AuditEvent.Outcome.REJECTED);
  }

  /** Imports, expects exactly nothing written and the problem reported and audited. */
  private ImportReport assertRefused(PlanSheet sheet, byte[] file, int row, String column, String reason,
                                     AuditEvent.Outcome outcome) {
    long membersBefore = members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId()).size();
    long areasBefore = areas.findByPlanIdOrderBySortOrder(plan.getId()).size();
    long villagesBefore = jdbc.queryForObject("select count(*) from villages v join areas a on a.id = v.area_id"
        + " where a.plan_id = ?", Long.class, plan.getId());
    long unitsBefore = jdbc.queryForObject("select count(*) from units where plan_id = ?", Long.class, plan.getId());
    long auditBefore = audit.findByActorOrderByIdAsc(ADMIN.id()).size();

    ImportReport report = imports.run(ADMIN, plan.getId(), sheet, file);

    assertThat(report.applied()).isFalse();
    assertThat(report.problems()).as(report.problems().toString())
        .anySatisfy(p -> {
          assertThat(p.row()).isEqualTo(row);
          assertThat(p.column()).isEqualTo(column);
          assertThat(p.reason()).contains(reason);
        });
    assertThat(households.findByPlanId(plan.getId(), Pageable.unpaged()).getContent()).isEmpty();
    assertThat(members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId())).hasSize((int) membersBefore);
    assertThat(areas.findByPlanIdOrderBySortOrder(plan.getId())).hasSize((int) areasBefore);
    assertThat(jdbc.queryForObject("select count(*) from villages v join areas a on a.id = v.area_id"
        + " where a.plan_id = ?", Long.class, plan.getId())).isEqualTo(villagesBefore);
    assertThat(jdbc.queryForObject("select count(*) from units where plan_id = ?", Long.class, plan.getId()))
        .isEqualTo(unitsBefore);
    List<AuditEvent> trail = audit.findByActorOrderByIdAsc(ADMIN.id());
    assertThat(trail).hasSize((int) auditBefore + 1);
    assertThat(trail.get(trail.size() - 1)).satisfies(e -> {
      assertThat(e.getOutcome()).isEqualTo(outcome.name());
      assertThat(e.getAction()).isEqualTo("import " + sheet.slug());
    });
    assertThat(report.problems()).extracting(ImportProblem::rowLabel).doesNotContainNull();
    return report;
  }
}
