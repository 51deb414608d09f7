package cn.dudao.bot.faults;

import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GUIDE §5 invariant 1: a node acknowledges callbacks and dies before applying them (its worker pool
 * drops every task and its sweep never runs again). A fresh node on the same database finds the
 * orphans with its sweep and applies each exactly once, in order; the conversations then go on.
 */
class NodeDiedAfterAckIT {

  private static final List<String> INSPECTORS = List.of("tanjinhua", "fubingrui", "daiyong", "hanzhiqiang",
      "niepeng", "huangguilin");
  private static final List<String> MESSAGES = List.of("开始", "1", "达标", "达标");
  private static final WeComApiStub WECOM = new WeComApiStub().start();

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Test
  void messagesAcknowledgedByADeadNodeAreAppliedOnceByTheSweepOfAFreshNode() {
    Map<String, String> services = TestServices.freshServices();
    List<String> acknowledged = new ArrayList<>();
    try (BotNode dying = BotNode.start(services, WECOM.baseUrl(), true, null)) {
      WeComCallbacks callbacks = dying.callbacks();
      for (String text : MESSAGES) {
        for (String inspector : INSPECTORS) {
          long msgId = WeComCallbacks.nextMsgId();
          String xml = WeComCallbacks.textXml(inspector, msgId, text);
          for (int delivery = 0; delivery < 3; delivery++) {
            assertThat(callbacks.post(xml)).isEqualTo(200);
          }
          acknowledged.add("msg:" + msgId);
        }
      }
      Ledger ledger = new Ledger(dying.jdbc());
      assertThat(ledger.lost(acknowledged)).isZero();
      assertThat(ledger.pending()).isEqualTo(acknowledged.size());
      assertThat(ledger.done()).isZero();
      // One task per person waiting in the pool absorbs his later messages (ConversationWorker), so the
      // dead pool dropped at least one task per person and ran none.
      assertThat(dying.droppedTasks()).as("the dead node never ran a message").isGreaterThanOrEqualTo(INSPECTORS.size());
    }
    assertThat(WECOM.bodies("/cgi-bin/message/send")).isEmpty();

    try (BotNode fresh = BotNode.start(withSweep(services), WECOM.baseUrl())) {
      Ledger ledger = new Ledger(fresh.jdbc());
      await().atMost(Duration.ofSeconds(60)).until(() -> ledger.pending() == 0 && ledger.unsentReplies() == 0);
      assertThat(ledger.done()).isEqualTo(acknowledged.size());
      assertThat(ledger.duplicatedAnswers()).isZero();
      for (String inspector : INSPECTORS) {
        assertThat(ledger.inspectionsOf(inspector)).isEqualTo(1);
        assertThat(ledger.answersOf(inspector)).as("village and two items").isEqualTo(3);
        List<JsonNode> sent = WECOM.messagesTo(inspector);
        assertThat(sent).hasSize(MESSAGES.size());
        assertThat(textOf(sent.get(0))).contains("请选择要核查的行政村");
        assertThat(textOf(sent.get(1))).contains("安全饮水");
        assertThat(textOf(sent.get(3))).contains("基本医疗");
      }

      // The conversations go on where the database says they are.
      WeComCallbacks callbacks = fresh.callbacks();
      for (String inspector : INSPECTORS) {
        assertThat(callbacks.post(WeComCallbacks.textXml(inspector, WeComCallbacks.nextMsgId(), "达标"))).isEqualTo(200);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> INSPECTORS.stream()
          .allMatch(i -> WECOM.messagesTo(i).size() == MESSAGES.size() + 1));
      int resumed = 0;
      for (String inspector : INSPECTORS) {
        List<JsonNode> sent = WECOM.messagesTo(inspector);
        if (textOf(sent.get(sent.size() - 1)).contains("住房安全") && ledger.answersOf(inspector) == 4) {
          resumed++;
        }
      }
      assertThat(resumed).isEqualTo(INSPECTORS.size());
      Ledger.report("node died after ack", acknowledged.size(), ledger.lost(acknowledged),
          ledger.duplicatedAnswers() + (WECOM.bodies("/cgi-bin/message/send").size() - sentRows(fresh)),
          resumed, INSPECTORS.size());
    }
  }

  private static long sentRows(BotNode node) {
    Long n = node.jdbc().queryForObject("SELECT COUNT(*) FROM outbox_messages WHERE status = 'SENT'", Long.class);
    return n == null ? 0 : n;
  }

  private static Map<String, String> withSweep(Map<String, String> services) {
    Map<String, String> properties = new java.util.LinkedHashMap<>(services);
    properties.put("dudao.inbox.sweep-interval", "500ms");
    return properties;
  }
}
