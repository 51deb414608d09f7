package cn.dudao.bot.conversation;

import static cn.dudao.bot.testsupport.WeComApiStub.buttonKey;
import static cn.dudao.bot.testsupport.WeComApiStub.isCard;
import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.Answer;
import cn.dudao.bot.inspection.AnswerRepository;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.inspection.FindingRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.VillageRepository;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 2's walking skeleton end to end: encrypted callbacks exactly as WeCom sends them (each one
 * three times, as WeCom retries), the real MariaDB and Redis (or their stand-ins), and a WireMock
 * WeCom API receiving every reply.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY})
class VillageCheckIT {

  private static final List<String> ITEMS = List.of("安全饮水", "义务教育", "基本医疗", "住房安全", "集体经济收入",
      "产业发展", "通村公路", "动力电", "互联网", "低保五保兜底", "养老保险", "村级卫生室");
  private static final String INSPECTOR = "lvliping";
  private static final WeComApiStub WECOM = new WeComApiStub().start();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  InspectionRepository inspections;
  @Autowired
  AnswerRepository answers;
  @Autowired
  InboxRepository inbox;
  @Autowired
  FindingRepository findings;
  @Autowired
  OutboxRepository outbox;
  @Autowired
  MemberRepository members;
  @Autowired
  VillageRepository villages;

  WeComCallbacks callbacks;

  @BeforeEach
  void setUp() {
    callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
  }

  @Test
  void inspectorCompletesTheVillageCheckByCallbacksEachDeliveredThreeTimes() {
    sendText(INSPECTOR, "开始");
    JsonNode villageQuestion = awaitLast(INSPECTOR, m -> textOf(m).contains("请选择要核查的行政村"));
    assertThat(textOf(villageQuestion)).contains("右卫镇 右卫示例一村").contains("杀虎口风景名胜区")
        .doesNotContain("新城镇");

    sendText(INSPECTOR, "1");
    int presses = 0;
    for (String item : ITEMS) {
      JsonNode card = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains(item));
      if (item.equals("义务教育")) {
        sendText(INSPECTOR, "不达标");
        awaitLast(INSPECTOR, m -> textOf(m).contains("不达标的情况"));
        sendText(INSPECTOR, "有一名适龄儿童因病休学，未落实送教上门");
      } else {
        press(INSPECTOR, buttonKey(card, "达标"), "rc-" + item);
        presses++;
      }
    }
    JsonNode confirm = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("签字"));
    assertThat(buttonKey(confirm, "确认")).isNotBlank();
    sendText(INSPECTOR, "确认");

    Inspection signed = await().atMost(Duration.ofSeconds(20)).until(
        () -> inspections.findByStatusOrderByIdAsc(Inspection.Status.CONFIRMED), list -> list.size() == 1).get(0);
    assertThat(signed.getConfirmedBy()).isEqualTo("吕利平");
    assertThat(signed.getConfirmedAt()).isNotNull();
    assertThat(villages.findById(signed.getVillageId()).orElseThrow().getName()).isEqualTo("右卫示例一村");
    assertThat(signed.getMemberId()).isEqualTo(members.findActiveByWecomUserId(INSPECTOR).get(0).getId());

    Map<String, String> current = answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(signed.getId()).stream()
        .collect(Collectors.toMap(Answer::getAnswerKey, Answer::getDisplayText));
    assertThat(current).hasSize(15)
        .containsEntry("confirmed", "已确认")
        .containsEntry("safe_water", "达标")
        .containsEntry("compulsory_education", "不达标")
        .containsEntry("compulsory_education_note", "有一名适龄儿童因病休学，未落实送教上门")
        .containsEntry("village_clinic", "达标");
    assertThat(answers.findByInspectionIdOrderByIdAsc(signed.getId())).as("no answer written twice").hasSize(15);

    List<Finding> found = findings.findByInspectionIdOrderByIdAsc(signed.getId());
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.getIndicator()).isEqualTo("compulsory_education");
      assertThat(f.getDescription()).isEqualTo("有一名适龄儿童因病休学，未落实送教上门");
      assertThat(f.getInspectorName()).isEqualTo("吕利平");
      assertThat(f.getVillageId()).isEqualTo(signed.getVillageId());
      assertThat(f.getFlowRevision()).isEqualTo(signed.getFlowRevision());
    });

    // Every distinct callback recorded once, every reply sent once although each callback came three times.
    int distinctMessages = 2 + presses + 3;
    assertThat(inbox.countByUserId(INSPECTOR)).isEqualTo(distinctMessages);
    await().atMost(Duration.ofSeconds(10)).until(() -> outbox.countByStatus(OutboxRecord.Status.PENDING) == 0);
    List<JsonNode> sent = WECOM.messagesTo(INSPECTOR);
    // Besides the replies, the finding's rectification notice went to 县教育局's contact (issue 6).
    assertThat(WECOM.messagesTo("jyj-lly")).singleElement().satisfies(n -> assertThat(textOf(n)).contains("整改通知"));
    assertThat(sent).hasSize((int) outbox.countByStatus(OutboxRecord.Status.SENT) - presses - 1);
    assertThat(WECOM.bodies("/cgi-bin/message/update_template_card")).hasSize(presses)
        .allSatisfy(u -> assertThat(u.path("button").path("replace_name").asString()).isEqualTo("已选择：达标"));
    assertThat(textOf(sent.get(sent.size() - 1))).contains("已签字确认").contains("吕利平");

    // Signed means final: a later message cannot change the stored answers.
    sendText(INSPECTOR, "上一题");
    await().atMost(Duration.ofSeconds(20)).until(() -> WECOM.messagesTo(INSPECTOR).size() > sent.size());
    assertThat(answers.findByInspectionIdOrderByIdAsc(signed.getId())).hasSize(15);
    assertThat(inspections.findById(signed.getId()).orElseThrow().getStatus()).isEqualTo(Inspection.Status.CONFIRMED);
  }

  @Test
  void someoneNotOnTheRosterIsToldPolitelyAndNothingElseHappens() {
    sendText("zhangsan", "开始");
    JsonNode reply = awaitLast("zhangsan", m -> true);
    assertThat(textOf(reply)).contains("不在本轮督导工作人员名单中");
    assertThat(inbox.countByUserId("zhangsan")).isEqualTo(1);
    assertThat(WECOM.messagesTo("zhangsan")).hasSize(1);
  }

  private void sendText(String user, String text) {
    String xml = WeComCallbacks.textXml(user, WeComCallbacks.nextMsgId(), text);
    for (int delivery = 0; delivery < 3; delivery++) {
      assertThat(callbacks.post(xml)).isEqualTo(200);
    }
  }

  private void press(String user, String key, String responseCode) {
    String xml = WeComCallbacks.cardEventXml(user, Instant.now().getEpochSecond(), key, "task-" + responseCode,
        responseCode);
    for (int delivery = 0; delivery < 3; delivery++) {
      assertThat(callbacks.post(xml)).isEqualTo(200);
    }
  }

  private JsonNode awaitLast(String user, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> {
      List<JsonNode> messages = WECOM.messagesTo(user);
      return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }, m -> m != null && condition.test(m));
  }
}
