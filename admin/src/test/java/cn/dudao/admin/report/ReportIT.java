package cn.dudao.admin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.testsupport.SeededConsole;
import cn.dudao.admin.testsupport.SeededConsoleIT;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 督导报告.docx: the five parts prefilled from the seeded chats, then edited by the county office (and
 * refused to a viewer), reopened with POI paragraph by paragraph; every export and edit on the audit trail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportIT extends SeededConsoleIT {

  private static final RequestPostProcessor ADMIN = user("admin").roles("COUNTY_ADMIN");
  private static final List<String> HEADINGS = List.of("一、督导工作开展情况", "二、巩固拓展脱贫攻坚成果情况", "三、典型经验",
      "四、存在的主要问题及困难", "五、意见及建议");

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  cn.dudao.admin.problems.EvidencePhotos photos;

  @Test
  @Order(1)
  void theReportHasTheFivePartsPrefilledFromTheData() throws Exception {
    try (XWPFDocument doc = download(ADMIN)) {
      List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(paragraphs.get(0)).isEqualTo("右玉县巩固拓展脱贫攻坚成果有效衔接乡村振兴专项督导报告");
      assertThat(paragraphs).containsSubsequence(HEADINGS);
      List<String> work = part(paragraphs, 0);
      assertThat(work.get(0)).contains("2个督导组").contains("2021年10月25日至2021年10月31日").contains("9个乡镇（区）");
      assertThat(work.get(1)).contains("完成乡镇督导1个（共9个）").contains("完成村级核查2个行政村（共18个）")
          .contains("形成签字确认的核查记录4份");
      assertThat(work).contains("第一组（组长谭金花）：完成乡镇督导1/5个，村级核查1/10个行政村。",
          "第二组（组长韩志强）：完成乡镇督导0/4个，村级核查1/8个行政村。");
      assertThat(part(paragraphs, 1)).contains("责任落实方面评定4项次，其中达标3项次、基本达标0项次、不达标1项次。",
          "巩固成果方面评定4项次，其中达标3项次、基本达标1项次、不达标0项次。",
          "政策落实方面评定11项次，其中达标10项次、基本达标0项次、不达标1项次。",
          "行政村自查项目（12项）共核查24项次，达标22项次，达标率91%。");
      assertThat(part(paragraphs, 2)).containsExactly("（一）" + SeededConsole.PRACTICE_TITLE + "（元堡子镇，代勇）",
          "主要做法：" + SeededConsole.PRACTICE, "取得成效：" + SeededConsole.EFFECT, "图：" + SeededConsole.PRACTICE_TITLE);
      List<String> problems = part(paragraphs, 3);
      assertThat(problems.get(0)).isEqualTo("督导共发现问题4个，其中责任落实1个，政策落实1个，自查项目2个。主要问题如下：");
      assertThat(problems).contains("1. 右卫镇：防止返贫动态监测帮扶情况——" + SeededConsole.MONITORING_NOTE + "（督导人员：吕利平）",
          "2. 新城镇 新城示例一村：安全饮水——" + SeededConsole.TEAM2_NOTE + "（督导人员：王成）");
      assertThat(part(paragraphs, 4).get(0)).startsWith("1. 压实整改责任。");

      List<XWPFTable> tables = doc.getTables();
      assertThat(tables).hasSize(3);
      assertThat(row(tables.get(0), 1)).containsExactly("第一组", "谭金花", "1/5", "1/10");
      assertThat(row(tables.get(1), 1)).containsExactly("责任落实", "3", "0", "1");
      assertThat(row(tables.get(2), 3)).containsExactly("自查项目", "2");
      assertThat(row(tables.get(2), 4)).containsExactly("合计", "4");
      String photoId = cn.dudao.admin.report.ReportFactsReader.ids(jdbc.queryForObject(
          "SELECT value_json FROM answers WHERE inspection_id = ? AND answer_key = 'photos' AND is_current = TRUE",
          String.class, seeded.goodPractice.getId())).get(0);
      assertThat(doc.getAllPictures()).singleElement()
          .satisfies(p -> assertThat(p.getData()).isEqualTo(photos.thumbnail(photoId).orElseThrow().bytes()));
    }
  }

  @Test
  @Order(2)
  void onlyTheCountyOfficeEditsAndTheEditedTextIsExported() throws Exception {
    mvc.perform(post("/report").with(user("viewer").roles("VIEWER")).with(csrf())
        .param("plan", planId()).param("part3", "不该保存")).andExpect(status().isForbidden());
    mvc.perform(post("/report").with(user("leader1").roles("TEAM_LEADER")).with(csrf())
        .param("plan", planId()).param("part3", "不该保存")).andExpect(status().isForbidden());
    mvc.perform(post("/report").with(ADMIN).param("plan", planId()).param("part3", "不该保存"))
        .andExpect(status().isForbidden());

    mvc.perform(post("/report").with(ADMIN).with(csrf()).param("plan", planId())
        .param("part3", "（一）订单农业\n元堡子镇推行订单农业，带动脱贫户增收。")
        .param("part5", "1. 建议县乡村振兴局牵头，十日内完成问题整改。"))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_sections", Long.class)).isEqualTo(2);

    try (XWPFDocument doc = download(user("viewer").roles("VIEWER"))) {
      List<String> paragraphs = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
      assertThat(part(paragraphs, 2)).startsWith("（一）订单农业", "元堡子镇推行订单农业，带动脱贫户增收。");
      assertThat(part(paragraphs, 4)).containsExactly("1. 建议县乡村振兴局牵头，十日内完成问题整改。");
      assertThat(part(paragraphs, 3).get(0)).startsWith("督导共发现问题4个");
    }
    String page = mvc.perform(get("/report").with(user("viewer").roles("VIEWER"))).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("元堡子镇推行订单农业").doesNotContain("id=\"saveReport\"");

    mvc.perform(post("/report/reset").with(ADMIN).with(csrf()).param("plan", planId()))
        .andExpect(status().is3xxRedirection());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM report_sections", Long.class)).isZero();

    List<Map<String, Object>> audit = jdbc.queryForList(
        "SELECT actor, action, target, outcome FROM audit_events WHERE action IN ('console.report.edit', 'console.export')"
            + " AND target LIKE '督导报告%' ORDER BY id");
    assertThat(audit).extracting(m -> m.get("actor") + " " + m.get("action") + " " + m.get("outcome"))
        .containsSubsequence("admin console.report.edit APPLIED", "viewer console.export APPLIED",
            "admin console.report.edit APPLIED");
  }

  @Test
  @Order(3)
  void theAuditPageShowsExportsAndEditsToTheCountyOfficeOnly() throws Exception {
    download(ADMIN).close();
    String page = mvc.perform(get("/audit").with(ADMIN)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains("导出文件").contains("督导报告.docx").contains("编辑督导报告");
    mvc.perform(get("/audit").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    mvc.perform(get("/report/report.docx").with(user("unit1").roles("UNIT_CONTACT"))).andExpect(status().isForbidden());
  }

  private XWPFDocument download(RequestPostProcessor who) throws Exception {
    byte[] file = mvc.perform(get("/report/report.docx").with(who)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsByteArray();
    return new XWPFDocument(new ByteArrayInputStream(file));
  }

  private String planId() {
    return Long.toString(seeded.villageCheck.getPlanId());
  }

  /** The paragraphs of part {@code index} (0-based): after its heading, up to the next heading. */
  private static List<String> part(List<String> paragraphs, int index) {
    int from = paragraphs.indexOf(HEADINGS.get(index)) + 1;
    int to = index + 1 < HEADINGS.size() ? paragraphs.indexOf(HEADINGS.get(index + 1)) : paragraphs.size();
    return paragraphs.subList(from, to).stream().filter(p -> !p.isBlank()).toList();
  }

  private static List<String> row(XWPFTable table, int row) {
    return table.getRow(row).getTableCells().stream().map(c -> c.getText()).toList();
  }
}
