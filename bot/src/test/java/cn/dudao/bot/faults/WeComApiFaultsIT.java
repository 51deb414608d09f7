package cn.dudao.bot.faults;

import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WeCom API faults (WireMock scenarios per inspector): HTTP 500 and 503, a reset connection, a gateway
 * that hangs past the client's timeout, 42001 (token expired), 45009 (over the limit), 45033 (too many
 * concurrent calls) and -1 (busy). After recovery every reply is delivered exactly once, in order, and
 * every conversation goes on. Retries scheduled in the future are made due by moving the node's clock.
 */
class WeComApiFaultsIT {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final Map<String, List<ResponseDefinitionBuilder>> FAULTS = new LinkedHashMap<>();

  static {
    FAULTS.put("tanjinhua", List.of(aResponse().withStatus(500), aResponse().withStatus(500)));
    FAULTS.put("fubingrui", List.of(aResponse().withStatus(503), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    FAULTS.put("daiyong", List.of(aResponse().withStatus(504).withFixedDelay(6_000)));
    FAULTS.put("hanzhiqiang", List.of(errcode(42001), errcode(42001)));
    FAULTS.put("niepeng", List.of(errcode(45009)));
    FAULTS.put("huangguilin", List.of(errcode(45033), errcode(45033)));
    FAULTS.put("wangxin", List.of(errcode(-1)));
    FAULTS.put("zhujianqing", List.of());
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Test
  void everyReplyIsDeliveredExactlyOnceAfterTheApiRecovers() {
    FAULTS.forEach(WeComApiFaultsIT::failFirstSends);
    TravellingClock clock = new TravellingClock();
    Map<String, String> properties = new LinkedHashMap<>(TestServices.freshServices());
    properties.put("dudao.outbox.claim-timeout", "20s");
    try (BotNode node = BotNode.start(properties, WECOM.baseUrl(), false, ctx ->
        ((GenericApplicationContext) ctx).registerBean("travellingClock", Clock.class, () -> clock,
            bd -> bd.setPrimary(true)))) {
      Ledger ledger = new Ledger(node.jdbc());
      WeComCallbacks callbacks = node.callbacks();
      List<String> acknowledged = new ArrayList<>();
      for (String inspector : FAULTS.keySet()) {
        for (String text : List.of("开始", "1", "达标")) {
          long msgId = WeComCallbacks.nextMsgId();
          assertThat(callbacks.post(WeComCallbacks.textXml(inspector, msgId, text))).isEqualTo(200);
          acknowledged.add("msg:" + msgId);
        }
      }
      awaitDelivered(node, clock, 3);

      // Recovered: the conversations go on.
      for (String inspector : FAULTS.keySet()) {
        long msgId = WeComCallbacks.nextMsgId();
        assertThat(callbacks.post(WeComCallbacks.textXml(inspector, msgId, "达标"))).isEqualTo(200);
        acknowledged.add("msg:" + msgId);
      }
      awaitDelivered(node, clock, 4);

      int resumed = 0;
      long duplicated = ledger.duplicatedAnswers();
      for (String inspector : FAULTS.keySet()) {
        List<JsonNode> delivered = delivered(inspector);
        assertThat(delivered).as("delivered to %s", inspector).hasSize(4);
        duplicated += delivered.size() - new HashSet<>(delivered).size();
        assertThat(textOf(delivered.get(0))).contains("请选择要核查的行政村");
        assertThat(textOf(delivered.get(1))).contains("安全饮水");
        assertThat(textOf(delivered.get(2))).contains("义务教育");
        assertThat(textOf(delivered.get(3))).contains("基本医疗");
        assertThat(ledger.repliesTo(inspector)).hasSize(4);
        if (ledger.answersOf(inspector) == 3) {
          resumed++;
        }
      }
      assertThat(duplicated).isZero();
      assertThat(resumed).isEqualTo(FAULTS.size());
      assertThat(WECOM.server().getAllServeEvents().stream()
          .filter(e -> e.getRequest().getUrl().startsWith("/cgi-bin/gettoken")).count())
          .as("token fetched again after 42001").isGreaterThanOrEqualTo(2);
      // Branching on errcode: 45009 waits a minute (WeCom's hourly limit), 42001 fetches a new token.
      assertThat(node.jdbc().queryForList("SELECT last_error FROM outbox_messages WHERE recipient = 'niepeng'",
          String.class)).contains("errcode 45009");
      // Only the minute-long wait after 45009 makes the clock jump this far (backoffs here are seconds).
      assertThat(clock.travelled()).isGreaterThan(Duration.ofSeconds(30));
      long injected = FAULTS.values().stream().mapToInt(List::size).sum();
      assertThat(WECOM.server().getAllServeEvents().stream()
          .filter(e -> e.getStubMapping() != null && e.getStubMapping().getScenarioName() != null).count())
          .as("every injected fault was served").isEqualTo(injected);
      Ledger.report("WeCom API faults", acknowledged.size(), ledger.lost(acknowledged), duplicated, resumed,
          FAULTS.size());
      System.out.printf("WeCom API faults: %d failed sends injected, clock moved %ss for scheduled retries%n",
          injected, clock.travelled().toSeconds());
    }
  }

  /** Waits until every inspector has {@code count} replies delivered, moving the clock to due retries. */
  private static void awaitDelivered(BotNode node, TravellingClock clock, int count) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
      // Each person's messages wait behind his oldest pending one; when no head is due, jump to the next.
      Timestamp nextRetry = node.jdbc().queryForObject("SELECT MIN(o.next_attempt_at) FROM outbox_messages o "
          + "WHERE o.status = 'PENDING' AND o.id = (SELECT MIN(h.id) FROM outbox_messages h "
          + "WHERE h.recipient = o.recipient AND h.status = 'PENDING')", Timestamp.class);
      if (nextRetry != null) {
        clock.travelTo(nextRetry.toInstant().plusMillis(1));
      }
      return FAULTS.keySet().stream().allMatch(i -> delivered(i).size() >= count);
    });
  }

  /** message/send bodies to {@code user} that WeCom answered with success, oldest first. */
  private static List<JsonNode> delivered(String user) {
    List<ServeEvent> events = new ArrayList<>(WECOM.server().getAllServeEvents());
    Collections.reverse(events);
    return events.stream()
        .filter(e -> e.getRequest().getUrl().startsWith("/cgi-bin/message/send"))
        .filter(e -> e.getResponse().getStatus() == 200
            && JSON.readTree(e.getResponse().getBodyAsString()).path("errcode").asInt(-99) == 0)
        .map(e -> JSON.readTree(e.getRequest().getBodyAsString()))
        .filter(b -> user.equals(b.path("touser").asString()))
        .toList();
  }

  /** The first sends to {@code user} get {@code faults} in turn; later ones reach the normal stub. */
  private static void failFirstSends(String user, List<ResponseDefinitionBuilder> faults) {
    String state = Scenario.STARTED;
    for (int i = 0; i < faults.size(); i++) {
      String next = "after-fault-" + (i + 1);
      WECOM.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/send"))
          .withRequestBody(matchingJsonPath("$.touser", equalTo(user)))
          .inScenario("faults-" + user).whenScenarioStateIs(state).willSetStateTo(next)
          .atPriority(1)
          .willReturn(faults.get(i)));
      state = next;
    }
  }

  private static ResponseDefinitionBuilder errcode(int code) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
        .withBody("{\"errcode\":" + code + ",\"errmsg\":\"injected\"}");
  }
}
