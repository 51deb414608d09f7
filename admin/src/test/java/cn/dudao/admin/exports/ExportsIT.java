package cn.dudao.admin.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.testsupport.SeededConsole;
import cn.dudao.admin.testsupport.SeededConsoleIT;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.inspection.FindingRepository;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.VillageRepository;
import cn.dudao.flows.definition.Node;
import java.io.ByteArrayInputStream;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Each spreadsheet export reopened with POI and checked cell by cell against the seeded chats and the flows. */
class ExportsIT extends SeededConsoleIT {

  private static final RequestPostProcessor ADMIN = user("admin").roles("COUNTY_ADMIN");
  private static final DataFormatter TEXT = new DataFormatter();

  @Autowired
  MockMvc mvc;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired
  FindingRepository findings;
  @Autowired
  cn.dudao.bot.problem.ProblemRepository problems;
  @Autowired
  AreaRepository areas;
  @Autowired
  VillageRepository villages;
  @Autowired
  FlowCatalog flows;
  @Autowired
  cn.dudao.admin.problems.EvidencePhotos photos;

  @Test
  void problemListHasOneRowPerProblemWithItsStateThumbnailsAndLinksBack() throws Exception {
    byte[] file = mvc.perform(get("/exports/problems.xlsx").with(ADMIN)).andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("filename*=UTF-8''")))
        .andReturn().getResponse().getContentAsByteArray();
    List<Finding> all = findings.findByPlanIdOrderByIdAsc(seeded.villageCheck.getPlanId());
    assertThat(all).hasSize(4);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = workbook.getSheet("问题清单");
      assertThat(text(sheet, 0, 0)).endsWith("问题清单");
      List<String> headers = new ArrayList<>();
      sheet.getRow(ProblemListWorkbook.HEADER_ROW).forEach(c -> headers.add(TEXT.formatCellValue(c)));
      assertThat(headers).isEqualTo(ProblemListWorkbook.HEADERS);
      assertThat(sheet.getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + all.size());
      Map<String, Integer> column = columns();

      int first = ProblemListWorkbook.HEADER_ROW + 1;
      Finding education = all.get(0);
      assertThat(text(sheet, first, column.get("序号"))).isEqualTo("1");
      long educationProblem = problems.findByFindingId(education.getId()).orElseThrow().getId();
      assertThat(text(sheet, first, column.get("问题编号"))).isEqualTo("F" + educationProblem);
      assertThat(text(sheet, first, column.get("类别"))).isEqualTo("自查项目");
      assertThat(text(sheet, first, column.get("指标"))).isEqualTo("义务教育");
      assertThat(text(sheet, first, column.get("督导组"))).isEqualTo("第一组");
      assertThat(text(sheet, first, column.get("乡镇"))).isEqualTo("右卫镇");
      assertThat(text(sheet, first, column.get("行政村"))).isEqualTo("右卫示例一村");
      assertThat(text(sheet, first, column.get("督查结果"))).isEqualTo("不达标");
      assertThat(text(sheet, first, column.get("问题描述"))).isEqualTo("义务教育：" + SeededConsole.EDUCATION_NOTE);
      assertThat(text(sheet, first, column.get("整改状态"))).isEqualTo("已交办");
      assertThat(text(sheet, first, column.get("责任单位"))).isEqualTo("县教育局");
      assertThat(text(sheet, first, column.get("整改期限")))
          .isEqualTo(problems.findById(educationProblem).orElseThrow().getDeadline().toString());
      assertThat(text(sheet, first, column.get("督导人员"))).isEqualTo("吕利平");
      assertThat(text(sheet, first, column.get("发现时间"))).isEqualTo(ConsoleTimes.minutes(education.getRecordedAt()));
      String link = "http://localhost/problems/" + educationProblem;
      assertThat(sheet.getRow(first).getCell(column.get("控制台链接")).getCellFormula())
          .isEqualTo("HYPERLINK(\"" + link + "\",\"" + link + "\")");
      assertThat(sheet.getRow(first).getCell(column.get("控制台链接")).getStringCellValue()).isEqualTo(link);

      int monitoring = first + 1;
      assertThat(text(sheet, monitoring, column.get("类别"))).isEqualTo("责任落实");
      assertThat(text(sheet, monitoring, column.get("指标"))).isEqualTo("防止返贫动态监测帮扶情况");
      assertThat(text(sheet, monitoring, column.get("问题描述"))).endsWith("：" + SeededConsole.MONITORING_NOTE);
      assertThat(text(sheet, monitoring, column.get("行政村"))).isEmpty();
      int water = first + 2;
      assertThat(text(sheet, water, column.get("类别"))).isEqualTo("政策落实");
      assertThat(text(sheet, water, column.get("指标"))).isEqualTo("饮水安全保障政策落实情况");
      int team2 = first + 3;
      assertThat(text(sheet, team2, column.get("督导组"))).isEqualTo("第二组");
      assertThat(text(sheet, team2, column.get("督导人员"))).isEqualTo("王成");

      // Thumbnails: two photos on the monitoring row, one on the water row, each in its own photo column.
      List<XSSFPicture> pictures = ((XSSFDrawing) sheet.getDrawingPatriarch()).getShapes().stream()
          .filter(XSSFPicture.class::isInstance).map(XSSFPicture.class::cast).toList();
      assertThat(pictures).hasSize(3);
      assertThat(pictures).extracting(p -> p.getClientAnchor().getRow1())
          .containsExactly(monitoring, monitoring, water);
      assertThat(pictures).extracting(p -> (int) p.getClientAnchor().getCol1())
          .containsExactly(column.get("照片1"), column.get("照片2"), column.get("照片1"));
      List<byte[]> thumbnails = all.stream().flatMap(f -> f.getEvidenceIds().stream())
          .map(id -> photos.thumbnail(id).orElseThrow().bytes()).toList();
      assertThat(thumbnails).hasSize(3);
      assertThat(workbook.getAllPictures()).extracting(p -> p.getData()).containsExactlyElementsOf(thumbnails);
      assertThat(thumbnails).allSatisfy(jpeg -> assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8));
    }
  }

  @Test
  void problemListExportHonoursTheListsFilters() throws Exception {
    byte[] file = mvc.perform(get("/exports/problems.xlsx").param("category", "政策落实").with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + 1);
      assertThat(text(sheet, ProblemListWorkbook.HEADER_ROW + 1, columns().get("问题描述")))
          .endsWith("：" + SeededConsole.WATER_NOTE);
    }
  }

  @Test
  void indicatorTableFollowsAttachment2WithTheFlowsCriteriaAndTheSignedResults() throws Exception {
    long areaId = seeded.areaCheck.getAreaId();
    byte[] file = mvc.perform(get("/exports/areas/{id}/indicators.xlsx", areaId).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    List<Node> indicators = flows.get("area-check").nodes().stream()
        .filter(n -> n.criterion() != null && n.meta().containsKey("indicator_name")).toList();
    assertThat(indicators).hasSize(26);
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(text(sheet, 0, 0)).isEqualTo("右玉县巩固拓展脱贫攻坚成果有效衔接乡村振兴督导指标(26项)");
      assertThat(text(sheet, 1, 0)).contains("乡镇：右卫镇").contains("督导组：第一组").contains("吕利平")
          .contains(ConsoleTimes.minutes(seeded.areaCheck.getConfirmedAt()));
      assertThat(List.of(text(sheet, 2, 0), text(sheet, 2, 1), text(sheet, 2, 2), text(sheet, 2, 3)))
          .containsExactly("", "考核指标", "考核内容", "督查结果");

      // The four categories as merged cells: 4, 4, 7 and 11 rows.
      int top = IndicatorWorkbook.FIRST_INDICATOR_ROW;
      assertThat(categoryMerges(sheet)).containsExactly(new CellRangeAddress(top, top + 3, 0, 0),
          new CellRangeAddress(top + 4, top + 7, 0, 0), new CellRangeAddress(top + 8, top + 14, 0, 0),
          new CellRangeAddress(top + 15, top + 25, 0, 0));
      assertThat(text(sheet, top, 0)).isEqualTo("责任落实4项");
      assertThat(text(sheet, top + 4, 0)).isEqualTo("巩固成果4项");
      assertThat(text(sheet, top + 8, 0)).isEqualTo("工作落实7项");
      assertThat(text(sheet, top + 15, 0)).isEqualTo("政策落实11项");
      assertThat(sheet.getLastRowNum()).isEqualTo(top + 25);

      for (int i = 0; i < indicators.size(); i++) {
        Node node = indicators.get(i);
        int row = top + i;
        assertThat(text(sheet, row, 1)).as("考核指标 %d", i + 1).isEqualTo(node.meta().get("indicator_name"));
        assertThat(text(sheet, row, 2)).as("考核内容 %d", i + 1).isEqualTo(node.criterion());
        String expected = switch (i + 1) {
          case 2 -> "不达标：" + SeededConsole.MONITORING_NOTE;
          case 19 -> "不达标：" + SeededConsole.WATER_NOTE;
          case 5 -> "基本达标";
          default -> "达标";
        };
        assertThat(text(sheet, row, 3)).as("督查结果 %d", i + 1).isEqualTo(expected);
      }
    }
  }

  @Test
  void indicatorTableOfAnAreaNotYetCheckedHasTheCriteriaAndEmptyResults() throws Exception {
    long other = areas.findByPlanIdOrderBySortOrder(seeded.areaCheck.getPlanId()).get(1).getId();
    byte[] file = mvc.perform(get("/exports/areas/{id}/indicators.xlsx", other).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(text(sheet, 1, 0)).contains("元堡子镇").contains("尚无签字确认");
      for (int row = IndicatorWorkbook.FIRST_INDICATOR_ROW; row <= sheet.getLastRowNum(); row++) {
        assertThat(text(sheet, row, 2)).isNotBlank();
        assertThat(text(sheet, row, 3)).isEmpty();
      }
    }
  }

  @Test
  void selfCheckTableFollowsAttachment3WithEachItemsResultAndSignOff() throws Exception {
    long villageId = seeded.villageCheck.getVillageId();
    byte[] file = mvc.perform(get("/exports/villages/{id}/self-check.xlsx", villageId).with(ADMIN))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    List<Node> items = flows.get("village-check").nodes().stream().filter(n -> n.criterion() != null).toList();
    assertThat(items).hasSize(12);
    String seal = "签章：吕利平 " + ConsoleTimes.minutes(seeded.villageCheck.getConfirmedAt());
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(text(sheet, 0, 0)).isEqualTo("右玉县2021年度巩固脱贫攻坚成效行业部门自查表");
      assertThat(text(sheet, 1, 0)).contains("乡（镇）　右卫镇").contains("村　右卫示例一村");
      for (int i = 0; i < items.size(); i++) {
        int top = SelfCheckWorkbook.FIRST_BLOCK_ROW + (i / SelfCheckWorkbook.COLUMNS) * SelfCheckWorkbook.BLOCK_HEIGHT;
        int column = i % SelfCheckWorkbook.COLUMNS;
        assertThat(text(sheet, top, column)).as("item %d", i + 1).isEqualTo(items.get(i).criterion());
        assertThat(text(sheet, top + 1, column)).as("result %d", i + 1).isEqualTo(i == 1
            ? "督查结果：不达标：" + SeededConsole.EDUCATION_NOTE : "督查结果：达标");
        assertThat(text(sheet, top + 2, column)).as("sign-off %d", i + 1).isEqualTo(seal);
      }
      assertThat(text(sheet, 11, 0)).startsWith("督导人员签字确认：吕利平");
    }
  }

  @Test
  void viewersDownloadTeamLeadersOnlyTheirOwnTeamsAndUnitContactsOnlyTheirUnitsProblemList() throws Exception {
    long team1Area = seeded.areaCheck.getAreaId();
    mvc.perform(get("/exports/areas/{id}/indicators.xlsx", team1Area).with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk());
    mvc.perform(get("/exports/areas/{id}/indicators.xlsx", team1Area).with(user("leader1").roles("TEAM_LEADER")))
        .andExpect(status().isOk());
    mvc.perform(get("/exports/areas/{id}/indicators.xlsx", team1Area).with(user("leader2").roles("TEAM_LEADER")))
        .andExpect(status().isNotFound());
    mvc.perform(get("/exports/villages/{id}/self-check.xlsx", seeded.villageCheck.getVillageId())
        .with(user("leader2").roles("TEAM_LEADER"))).andExpect(status().isNotFound());
    mvc.perform(get("/exports/areas/{id}/indicators.xlsx", team1Area).with(user("unit1").roles("UNIT_CONTACT")))
        .andExpect(status().isForbidden());
    // unit1 is 县水利局's contact: its list holds exactly the problems assigned to 县水利局 (issue 6).
    long water = seeded.unitId(units, SeededConsole.WATER_BUREAU);
    List<String> waters = jdbc.queryForList("SELECT id FROM problems WHERE plan_id = ? AND unit_id = ?"
        + " AND merged_into_id IS NULL", Long.class, seeded.villageCheck.getPlanId(), water)
        .stream().map(id -> "F" + id).toList();
    assertThat(waters).isNotEmpty();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problems WHERE plan_id = ?"
        + " AND (unit_id IS NULL OR unit_id <> ?)", Long.class, seeded.villageCheck.getPlanId(), water)).isPositive();
    byte[] unitList = mvc.perform(get("/exports/problems.xlsx").with(user("unit1").roles("UNIT_CONTACT")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(unitList))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      List<String> listed = new ArrayList<>();
      for (int r = ProblemListWorkbook.HEADER_ROW + 1; r <= sheet.getLastRowNum(); r++) {
        listed.add(text(sheet, r, columns().get("问题编号")));
        assertThat(text(sheet, r, columns().get("责任单位"))).isEqualTo(SeededConsole.WATER_BUREAU);
      }
      assertThat(listed).containsExactlyInAnyOrderElementsOf(waters);
    }

    byte[] file = mvc.perform(get("/exports/problems.xlsx").with(user("leader2").roles("TEAM_LEADER")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      XSSFSheet sheet = workbook.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(ProblemListWorkbook.HEADER_ROW + 1);
      assertThat(text(sheet, ProblemListWorkbook.HEADER_ROW + 1, columns().get("问题描述")))
          .endsWith("：" + SeededConsole.TEAM2_NOTE);
    }
  }

  private static List<CellRangeAddress> categoryMerges(XSSFSheet sheet) {
    return sheet.getMergedRegions().stream().filter(r -> r.getFirstColumn() == 0 && r.getLastColumn() == 0)
        .sorted(java.util.Comparator.comparingInt(CellRangeAddress::getFirstRow)).toList();
  }

  private static Map<String, Integer> columns() {
    Map<String, Integer> columns = new java.util.HashMap<>();
    for (int i = 0; i < ProblemListWorkbook.HEADERS.size(); i++) {
      columns.put(ProblemListWorkbook.HEADERS.get(i), i);
    }
    return columns;
  }

  static String text(XSSFSheet sheet, int row, int column) {
    XSSFRow r = sheet.getRow(row);
    return r == null || r.getCell(column) == null ? "" : TEXT.formatCellValue(r.getCell(column));
  }

}
