package cn.dudao.bot.faults;

import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.testsupport.DisposableRedis;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GUIDE §5 invariant 6: Redis dies in the middle of a village check. Callbacks are still acknowledged
 * and applied (the database's unique key dedupes without Redis), answers are kept, replies wait in the
 * outbox and go out once Redis is back (empty), without waiting for the claims taken meanwhile to
 * lapse; a node started later on an empty Redis picks every conversation up from the database.
 */
class RedisLossIT {

  private static final List<String> INSPECTORS = List.of("tanjinhua", "daiyong", "hanzhiqiang", "niepeng");
  private static final WeComApiStub WECOM = new WeComApiStub().start();

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Test
  void answersSurviveRedisLossAndConversationsResumeFromTheDatabase() {
    Map<String, String> services = TestServices.freshServices();
    List<String> acknowledged = new ArrayList<>();
    try (DisposableRedis redis = new DisposableRedis().start();
         BotNode node = BotNode.start(on(services, redis), WECOM.baseUrl())) {
      Ledger ledger = new Ledger(node.jdbc());
      WeComCallbacks callbacks = node.callbacks();
      String firstXml = null;
      for (String inspector : INSPECTORS) {
        for (String text : List.of("开始", "1", "达标")) {
          String xml = WeComCallbacks.textXml(inspector, WeComCallbacks.nextMsgId(), text);
          firstXml = firstXml == null ? xml : firstXml;
          send(callbacks, xml, acknowledged);
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> INSPECTORS.stream().allMatch(i -> WECOM.messagesTo(i).size() == 3));

      redis.kill();
      // A retry of an old callback: Redis cannot say it was seen, the database's unique key does.
      send(callbacks, firstXml, acknowledged);
      for (String inspector : INSPECTORS) {
        for (int n = 0; n < 2; n++) {
          send(callbacks, WeComCallbacks.textXml(inspector, WeComCallbacks.nextMsgId(), "达标"), acknowledged);
        }
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> ledger.pending() == 0);
      for (String inspector : INSPECTORS) {
        assertThat(ledger.answersOf(inspector)).as("answers kept without Redis").isEqualTo(4);
      }
      assertThat(ledger.lost(acknowledged)).isZero();

      redis.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> ledger.unsentReplies() == 0
          && INSPECTORS.stream().allMatch(i -> WECOM.messagesTo(i).size() == 5));
      for (String inspector : INSPECTORS) {
        List<JsonNode> sent = WECOM.messagesTo(inspector);
        assertThat(textOf(sent.get(4))).contains("住房安全");
        assertThat(ledger.repliesTo(inspector)).hasSize(5);
      }
    }

    // Later a node starts on an empty Redis: every conversation goes on from what the database holds.
    try (DisposableRedis emptyRedis = new DisposableRedis().start();
         BotNode node = BotNode.start(on(services, emptyRedis), WECOM.baseUrl())) {
      Ledger ledger = new Ledger(node.jdbc());
      WeComCallbacks callbacks = node.callbacks();
      for (String inspector : INSPECTORS) {
        send(callbacks, WeComCallbacks.textXml(inspector, WeComCallbacks.nextMsgId(), "达标"), acknowledged);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> ledger.unsentReplies() == 0
          && INSPECTORS.stream().allMatch(i -> WECOM.messagesTo(i).size() == 6));
      int resumed = 0;
      for (String inspector : INSPECTORS) {
        List<JsonNode> sent = WECOM.messagesTo(inspector);
        if (textOf(sent.get(5)).contains("集体经济收入") && ledger.answersOf(inspector) == 5) {
          resumed++;
        }
      }
      assertThat(resumed).isEqualTo(INSPECTORS.size());
      long duplicated = ledger.duplicatedAnswers()
          + WECOM.bodies("/cgi-bin/message/send").size() - INSPECTORS.size() * 6L;
      assertThat(duplicated).isZero();
      assertThat(ledger.lost(acknowledged)).isZero();
      Ledger.report("Redis lost mid-conversation", acknowledged.stream().distinct().count(),
          ledger.lost(acknowledged), duplicated, resumed, INSPECTORS.size());
    }
  }

  /** Each callback three times, as WeCom retries; every copy must be acknowledged. */
  private static void send(WeComCallbacks callbacks, String xml, List<String> acknowledged) {
    for (int delivery = 0; delivery < 3; delivery++) {
      assertThat(callbacks.post(xml)).isEqualTo(200);
    }
    int at = xml.indexOf("<MsgId>") + "<MsgId>".length();
    acknowledged.add("msg:" + xml.substring(at, xml.indexOf("</MsgId>")));
  }

  private static Map<String, String> on(Map<String, String> services, DisposableRedis redis) {
    Map<String, String> properties = new LinkedHashMap<>(services);
    properties.put("dudao.redis.url", redis.url());
    // Long claims: a send that could not start while Redis was away must give its claim back, or the
    // replies would wait for the claims to lapse (five minutes) after Redis returns.
    properties.put("dudao.outbox.claim-timeout", "5m");
    properties.put("dudao.inbox.sweep-interval", "500ms");
    return properties;
  }
}
