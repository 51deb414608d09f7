package cn.dudao.admin.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.AdminApplication;
import cn.dudao.bot.audit.AuditEventRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.Xlsx;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The plan pages through the console's real security: county admins create, import and export;
 * viewers look and are refused imports (403, on record); every form needs its CSRF token.
 */
@SpringBootTest(classes = AdminApplication.class, properties = "dudao.console.admin-password=plan-console-test")
@AutoConfigureMockMvc
class PlanConsoleIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  PlanRepository plans;
  @Autowired
  AuditEventRepository audit;

  @Test
  @WithMockUser(username = "office", roles = "COUNTY_ADMIN")
  void theCountyOfficeCreatesASecondPlanImportsItsListsAndExportsThem() throws Exception {
    mvc.perform(get("/plan")).andExpect(status().isOk())
        .andExpect(content().string(containsString("右玉县巩固拓展脱贫攻坚成果有效衔接乡村振兴专项督导")))
        .andExpect(content().string(containsString("新建督导方案")));
    mvc.perform(get("/plan/new")).andExpect(status().isOk()).andExpect(content().string(containsString("方案编号")));

    String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
    mvc.perform(post("/plan").with(csrf()).param("code", code).param("name", "右玉县2022年专项督导")
            .param("county", "右玉县").param("year", "2022").param("fieldStart", "2022-10-24")
            .param("fieldEnd", "2022-10-30").param("extensionDays", "7").param("reportDue", "2022-11-10")
            .param("monitoringLine", "6500").param("rectificationDays", "20").param("teams", "第一组、第二组，第三组"))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/plan/*"));
    Plan plan = plans.findByCode(code).orElseThrow();
    assertThat(plan.getRectificationDays()).isEqualTo(20);
    mvc.perform(get("/plan/" + plan.getId())).andExpect(status().isOk())
        .andExpect(content().string(containsString("第三组")))
        .andExpect(content().string(containsString("name=\"_csrf\"")));

    byte[] villages = Xlsx.of(columns(PlanSheet.VILLAGES), List.of(List.of("第一组", "甲镇", "", "甲一村"),
        List.of("第二组", "乙镇", "", "乙一村")));
    mvc.perform(multipart("/plan/" + plan.getId() + "/import/villages").file(xlsx(villages)).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("村庄名单导入成功：共 2 行，新增 2")));

    byte[] badRoster = Xlsx.of(columns(PlanSheet.ROSTER), List.of(List.of("第一组", "赵一", "组长", "", "zhaoyi"),
        List.of("第九组", "钱二", "队长", "", "")));
    String page = mvc.perform(multipart("/plan/" + plan.getId() + "/import/roster").file(xlsx(badRoster)).with(csrf()))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("人员名单导入未执行").contains("<th>行</th><th>列</th><th>原因</th>")
        .contains("A（督导组）").contains("未知督导组“第九组”").contains("C（职务）").contains("职务“队长”无效")
        .contains("本次未写入任何数据");

    mvc.perform(multipart("/plan/" + plan.getId() + "/import/households")
            .file(new MockMultipartFile("file", "名单.csv", "text/csv", "a,b".getBytes())).with(csrf()))
        .andExpect(status().isOk()).andExpect(content().string(containsString("不是 Excel 文件")));

    MvcResult export = mvc.perform(get("/plan/" + plan.getId() + "/export/villages.xlsx")).andExpect(status().isOk())
        .andExpect(header().string("Content-Disposition", containsString("filename*=UTF-8''")))
        .andReturn();
    assertThat(Xlsx.rows(export.getResponse().getContentAsByteArray(), 0))
        .containsExactly(List.of("督导组", "乡镇", "乡镇类型", "行政村"), List.of("第一组", "甲镇", "乡镇", "甲一村"),
            List.of("第二组", "乙镇", "乡镇", "乙一村"));

    mvc.perform(post("/plan/" + plan.getId() + "/active").with(csrf()).param("active", "false"))
        .andExpect(status().is3xxRedirection());
    assertThat(plans.findById(plan.getId()).orElseThrow().isActive()).isFalse();

    mvc.perform(post("/plan/" + plan.getId() + "/contacts-sync").with(csrf())).andExpect(status().isOk())
        .andExpect(content().string(containsString("未配置企业微信")));
    mvc.perform(get("/plan/" + plan.getId() + "/households")).andExpect(status().isOk())
        .andExpect(content().string(containsString("共 <span>0</span> 户")));
  }

  @Test
  @WithMockUser(username = "office", roles = "COUNTY_ADMIN")
  void aBadNewPlanFormIsShownAgainWithItsProblems() throws Exception {
    mvc.perform(post("/plan").with(csrf()).param("code", "bad code!").param("name", "").param("teams", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("方案编号必填")))
        .andExpect(content().string(containsString("至少需要一个督导组")));
  }

  @Test
  @WithMockUser(username = "office", roles = "COUNTY_ADMIN")
  void formsWithoutTheCsrfTokenAreRefused() throws Exception {
    long id = plans.findByCode("youyu-2021").orElseThrow().getId();
    byte[] file = Xlsx.of(columns(PlanSheet.VILLAGES), List.of(List.of("第一组", "甲镇", "", "甲一村")));
    mvc.perform(multipart("/plan/" + id + "/import/villages").file(xlsx(file))).andExpect(status().isForbidden());
    mvc.perform(post("/plan/" + id + "/active").param("active", "false")).andExpect(status().isForbidden());
    assertThat(plans.findById(id).orElseThrow().isActive()).isTrue();
  }

  @Test
  @WithMockUser(username = "viewer-it", roles = "VIEWER")
  void aViewerLooksButIsRefusedImportsAndPlanChangesOnRecord() throws Exception {
    long id = plans.findByCode("youyu-2021").orElseThrow().getId();
    mvc.perform(get("/plan")).andExpect(status().isOk()).andExpect(content().string(not(containsString("新建督导方案"))));
    mvc.perform(get("/plan/" + id)).andExpect(status().isOk()).andExpect(content().string(containsString("谭金花")))
        .andExpect(content().string(not(containsString("同步企业微信通讯录"))));
    mvc.perform(get("/plan/" + id + "/export/roster.xlsx")).andExpect(status().isOk());

    byte[] file = Xlsx.of(columns(PlanSheet.VILLAGES), List.of(List.of("第一组", "甲镇", "", "甲一村")));
    mvc.perform(multipart("/plan/" + id + "/import/villages").file(xlsx(file)).with(csrf()))
        .andExpect(status().isForbidden()).andExpect(content().string(containsString("仅县督导办")));
    mvc.perform(post("/plan/" + id + "/active").with(csrf()).param("active", "false")).andExpect(status().isForbidden());
    mvc.perform(get("/plan/new")).andExpect(status().isForbidden());
    mvc.perform(post("/plan/" + id + "/contacts-sync").with(csrf())).andExpect(status().isForbidden());
    assertThat(plans.findById(id).orElseThrow().isActive()).isTrue();
    assertThat(audit.findByActorOrderByIdAsc("console:viewer-it")).extracting(e -> e.getAction() + "/" + e.getOutcome())
        .containsExactly("admin plan_data/DENIED", "admin plan/DENIED", "admin plan/DENIED", "admin plan_data/DENIED");
  }

  @Test
  @WithMockUser(username = "leader-unlinked", roles = "TEAM_LEADER")
  void aTeamLeaderWithoutALinkedRosterEntrySeesNoPlanData() throws Exception {
    long id = plans.findByCode("youyu-2021").orElseThrow().getId();
    mvc.perform(get("/plan/" + id)).andExpect(status().isForbidden());
    mvc.perform(get("/plan/templates/roster.xlsx")).andExpect(status().isOk());
  }

  private static List<String> columns(PlanSheet sheet) {
    return sheet.columns().stream().map(PlanSheet.Column::header).toList();
  }

  private static MockMultipartFile xlsx(byte[] bytes) {
    return new MockMultipartFile("file", "名单.xlsx", PlanFilesController.XLSX.toString(), bytes);
  }
}
