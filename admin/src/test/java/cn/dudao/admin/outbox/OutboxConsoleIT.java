package cn.dudao.admin.outbox;

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
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.testsupport.TestServices;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The console's outbox page: dead letters and waiting messages listed in Chinese; resending needs the
 * county office role and a CSRF token, and a resent message is delivered.
 */
@SpringBootTest(classes = AdminApplication.class, properties = {
    "dudao.console.admin-password=outbox-test-password", "dudao.reminders.enabled=false"})
@AutoConfigureMockMvc
// Closed after the class: its pool would otherwise hold database connections for the rest of the run.
@DirtiesContext
class OutboxConsoleIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  Outbox outbox;
  @Autowired
  OutboxRepository repository;
  @Autowired
  TransactionTemplate tx;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aDeadLetterIsListedAndOnlyTheCountyOfficeCanResendIt() throws Exception {
    // No WeCom app is configured here, so a WeCom message fails for good and becomes a dead letter.
    long dead = tx.execute(s -> outbox.enqueue(InboundMessage.Channel.WECOM, "lvliping",
        OutgoingMessage.text("【督导提醒】右卫示例一村尚未完成村级核查")));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> repository.findById(dead).orElseThrow().getStatus() == OutboxRecord.Status.DEAD);

    String page = mvc.perform(get("/outbox").with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(page).contains("消息队列").contains("死信").contains("lvliping").contains("右卫示例一村尚未完成村级核查")
        .contains("WeCom is not configured").contains("重发").contains("data-id=\"" + dead + "\"");

    mvc.perform(get("/outbox").with(user("viewer").roles("VIEWER"))).andExpect(status().isForbidden());
    mvc.perform(get("/outbox").with(user("leader").roles("TEAM_LEADER"))).andExpect(status().isForbidden());
    mvc.perform(post("/outbox/" + dead + "/resend").with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/outbox/" + dead + "/resend").with(user("leader").roles("TEAM_LEADER")).with(csrf()))
        .andExpect(status().isForbidden());
    assertThat(repository.findById(dead).orElseThrow().getStatus()).isEqualTo(OutboxRecord.Status.DEAD);

    // Once the cause is fixed (here: the message moved to the simulator channel), the admin resends it.
    jdbc.update("UPDATE outbox_messages SET channel = 'SIMULATOR' WHERE id = ?", dead);
    mvc.perform(post("/outbox/" + dead + "/resend").with(user("admin").roles("COUNTY_ADMIN")).with(csrf()))
        .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/outbox"))
        .andExpect(flash().attribute("notice", "消息 #" + dead + " 已重新加入发送队列。"));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> repository.findById(dead).orElseThrow().getStatus() == OutboxRecord.Status.SENT);

    // A message that is not a dead letter cannot be resent.
    mvc.perform(post("/outbox/" + dead + "/resend").with(user("admin").roles("COUNTY_ADMIN")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("problem", "消息 #" + dead + " 不是死信，无法重发。"));
    assertThat(repository.findById(dead).orElseThrow().getStatus()).isEqualTo(OutboxRecord.Status.SENT);
  }

  @Test
  void anonymousVisitorsAreSentToTheLogin() throws Exception {
    mvc.perform(get("/outbox")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
  }
}
