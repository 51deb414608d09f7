package cn.dudao.admin.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.AdminApplication;
import cn.dudao.bot.testsupport.TestServices;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The 提醒规则 page: everyone reads the seeded plan's rules; only the county office changes one, with
 * a CSRF token; a wrong value is refused in Chinese with what was typed kept; a saved change is audited
 * and the next planning round plans by it.
 */
@SpringBootTest(classes = AdminApplication.class, properties = {
    "dudao.console.admin-password=reminders-test-password", "dudao.reminders.plan-interval=200ms",
    "dudao.reminders.initial-delay=0s", "dudao.reminders.lock-at-least-for=PT0.05S"})
@AutoConfigureMockMvc
// Closed after the class: its pool would otherwise hold database connections for the rest of the run.
@DirtiesContext
class RemindersConsoleIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void everyoneReadsTheRulesAndOnlyTheCountyOfficeChangesThem() throws Exception {
    long plan = jdbc.queryForObject("SELECT id FROM plans WHERE code = 'youyu-2021'", Long.class);
    String page = mvc.perform(get("/reminders").with(user("viewer").roles("VIEWER")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("提醒规则").contains("督导日报（组长）").contains("实地督导收尾提醒（督导组成员）")
        .contains("整改时限临近提醒（责任单位）").contains("整改逾期提醒（责任单位）").contains("逾期问题督办（组长、县督导办）")
        .contains("2021-10-25").contains("2021-11-10").contains("18:10").contains("仅县乡村振兴局管理员可以修改")
        .doesNotContain("name=\"firstDay\"").doesNotContain("保存</button>");

    MockHttpServletRequestBuilder change = post("/reminders/LEADER_DIGEST").param("plan", Long.toString(plan))
        .param("enabled", "true").param("firstDay", today().toString()).param("lastDay", today().toString())
        .param("sendTime", "20:10").param("spreadMinutes", "0");
    mvc.perform(change.with(user("viewer").roles("VIEWER")).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(change.with(user("leader").roles("TEAM_LEADER")).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(post("/reminders/LEADER_DIGEST").param("plan", Long.toString(plan)).param("firstDay", "2021-10-25")
        .with(user("admin").roles("COUNTY_ADMIN"))).andExpect(status().isForbidden());
    assertThat(digestRule()).containsEntry("send_time", java.sql.Time.valueOf("18:10:00"));

    // Wrong values: refused, explained next to each field, and what was typed stays in the form.
    String refused = mvc.perform(post("/reminders/LEADER_DIGEST").param("plan", Long.toString(plan))
            .param("enabled", "true").param("firstDay", "2021-11-10").param("lastDay", "2021-11-01")
            .param("sendTime", "25:70").param("spreadMinutes", "九十")
            .with(user("admin").roles("COUNTY_ADMIN")).with(csrf()))
        .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("未保存：请按提示修改后再保存。").contains("末日不能早于首日")
        .contains("发送时间应为“时:分”，如 09:10").contains("分散时长应为 0 到 600 之间的整数（分钟）")
        .contains("value=\"25:70\"").contains("value=\"九十\"").contains("value=\"2021-11-01\"");
    assertThat(digestRule()).containsEntry("send_time", java.sql.Time.valueOf("18:10:00"))
        .containsEntry("first_day", Date.valueOf("2021-10-25"));

    // A valid change: saved, audited, and the leaders' digest is planned today at 20:10 by the next round.
    mvc.perform(change.with(user("admin").roles("COUNTY_ADMIN")).with(csrf()))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/reminders?plan=" + plan))
        .andExpect(flash().attribute("notice", "已保存“督导日报（组长）”，下一轮提醒计划起生效。"));
    assertThat(digestRule()).containsEntry("send_time", java.sql.Time.valueOf("20:10:00"))
        .containsEntry("first_day", Date.valueOf(today())).containsEntry("spread_minutes", 0);
    List<Map<String, Object>> audited = jdbc.queryForList("SELECT actor, target, outcome, detail FROM audit_events"
        + " WHERE action = 'console.reminders.edit'");
    assertThat(audited).singleElement().satisfies(e -> {
      assertThat(e.get("actor")).isEqualTo("admin");
      assertThat(e.get("target")).isEqualTo("提醒规则：右玉县巩固拓展脱贫攻坚成果有效衔接乡村振兴专项督导 · 督导日报（组长）");
      assertThat((String) e.get("detail")).startsWith("启用，2021-10-25 至 2021-11-10，18:10 起分散 40 分钟 → 启用，")
          .endsWith("20:10 起分散 0 分钟");
    });
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM reminders r"
        + " JOIN reminder_rules k ON k.id = r.rule_id WHERE k.rule_kind = 'LEADER_DIGEST' AND r.reminder_day = ?",
        Long.class, Date.valueOf(today())) == 2);
    assertThat(jdbc.queryForList("SELECT r.due_at FROM reminders r JOIN reminder_rules k ON k.id = r.rule_id"
        + " WHERE k.rule_kind = 'LEADER_DIGEST'", java.time.LocalDateTime.class))
        .containsOnly(today().atTime(20, 10).atZone(SHANGHAI).withZoneSameInstant(ZoneId.of("UTC")).toLocalDateTime());

    String edited = mvc.perform(get("/reminders").with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(edited).contains("name=\"firstDay\"").contains("value=\"20:10\"").contains(today().toString())
        .contains("2 / ");
  }

  private Map<String, Object> digestRule() {
    return jdbc.queryForMap("SELECT first_day, send_time, spread_minutes FROM reminder_rules WHERE rule_kind = 'LEADER_DIGEST'");
  }

  private static LocalDate today() {
    return LocalDate.now(SHANGHAI);
  }
}
