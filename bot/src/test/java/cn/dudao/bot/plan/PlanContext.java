package cn.dudao.bot.plan;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditEventRepository;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.excel.ImportReport;
import cn.dudao.bot.plan.excel.PlanImports;
import cn.dudao.bot.plan.excel.PlanSheet;
import cn.dudao.bot.testsupport.ChatDriver;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import cn.dudao.bot.testsupport.Xlsx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context (real MariaDB and Redis, WireMock WeCom with a contacts secret) shared by the
 * plan's integration tests. Tests create plans of their own, so they never see each other's data;
 * the seeded Youyu plan is read, never changed.
 */
@SpringBootTest(classes = BotApplication.class, properties = {
    "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
    "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
    "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
    "dudao.wecom.contacts-secret=" + PlanContext.CONTACTS_SECRET,
    "dudao.plan.import.max-file-size=300KB", "dudao.plan.import.max-rows=1000"})
abstract class PlanContext {

  static final String CONTACTS_SECRET = "contacts-secret-not-real";
  static final WeComApiStub WECOM = new WeComApiStub().start();
  static final Actor ADMIN = Actor.countyOffice(Actor.console("it-admin"), "测试管理员");

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @Autowired
  Plans plans;
  @Autowired
  PlanRepository planRepository;
  @Autowired
  PlanImports imports;
  @Autowired
  AuditEventRepository audit;
  @Autowired
  Inbox inbox;
  @Autowired
  Outbox outbox;
  @Autowired
  OutboxRepository outboxRecords;
  @Autowired
  InboxRepository inboxRecords;
  @Autowired
  Clock clock;

  /** A fresh plan whose field period includes today, with the named teams. */
  Plan newPlan(String... teams) {
    String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
    LocalDate today = LocalDate.now(clock.withZone(Roster.COUNTY_TIME));
    return plans.create(ADMIN, new Plans.NewPlan(code, "测试方案 " + code, "测试县", today.getYear(),
        today.minusDays(2), today.plusDays(5), 7, today.plusDays(20), new BigDecimal("6500"), 10,
        Arrays.asList(teams)));
  }

  /** Imports rows under the sheet's template headers; the report must say applied. */
  ImportReport importOk(long planId, PlanSheet sheet, List<List<Object>> rows) {
    ImportReport report = imports.run(ADMIN, planId, sheet, file(sheet, rows));
    if (!report.applied()) {
      throw new AssertionError("import failed: " + report.problems());
    }
    return report;
  }

  static byte[] file(PlanSheet sheet, List<List<Object>> rows) {
    return Xlsx.of(sheet.columns().stream().map(PlanSheet.Column::header).toList(), rows);
  }

  /** Types {@code text} in the simulator as {@code user} and returns the bot's reply texts to it. */
  List<String> chat(String user, String text) {
    return new ChatDriver(inbox, inboxRecords, outboxRecords, outbox).say(user, text).stream()
        .map(OutgoingMessage::text).toList();
  }

  List<AuditEvent> denialsOf(String actorId) {
    return audit.findByActorOrderByIdAsc(actorId).stream().filter(e -> e.getOutcome().equals("DENIED")).toList();
  }
}
