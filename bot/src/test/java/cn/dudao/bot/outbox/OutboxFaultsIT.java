package cn.dudao.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.testsupport.MutableClock;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WeCom API fails in every way the issue names (5xx, a timeout, 42001, 45009, 45033, -1) and a few
 * people are sent far more than the per-member limit allows. The test moves the clock whenever the
 * outbox has nothing due, and records each request WeCom accepted at the application's time: every
 * message is delivered exactly once and in order, and nobody gets more than the limit in any minute.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
    "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
    "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
    "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY,
    "dudao.outbox.per-member-per-minute=" + OutboxFaultsIT.PER_MINUTE, "dudao.outbox.per-member-per-hour=200",
    "dudao.outbox.poll-interval=100ms", "dudao.reminders.enabled=false"})
@Import(OutboxFaultsIT.TestClock.class)
// Closed after the class: its pool would otherwise hold database connections for the rest of the run.
@DirtiesContext
class OutboxFaultsIT {

  static final int PER_MINUTE = 5;
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
  /** Each request WeCom answered, with the application's time when it arrived. */
  private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();

  record Request(String user, Instant at, boolean accepted, String text) {}

  @TestConfiguration
  static class TestClock {
    @Bean
    @Primary
    Clock testClock() {
      return CLOCK;
    }
  }

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @BeforeAll
  static void faults() {
    WECOM.server().addMockServiceRequestListener((request, response) -> {
      if (request.getUrl().startsWith("/cgi-bin/message/send")) {
        JsonNode body = JSON.readTree(request.getBodyAsString());
        boolean accepted = response.getStatus() == 200
            && JSON.readTree(response.getBodyAsString()).path("errcode").asInt(-99) == 0;
        REQUESTS.add(new Request(body.path("touser").asString(), CLOCK.instant(), accepted, WeComApiStub.textOf(body)));
      }
    });
    failFirst("fault-5xx", aResponse().withStatus(502).withBody("Bad Gateway"));
    // Longer than WxJava's 5 s socket timeout; the gateway never forwarded it.
    failFirst("fault-timeout", aResponse().withStatus(504).withFixedDelay(6_000).withBody("Gateway Timeout"));
    failFirst("fault-42001", okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}"));
    failFirst("fault-45009", okJson("{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
    failFirst("fault-45033", okJson("{\"errcode\":45033,\"errmsg\":\"api concurrent out of limit\"}"));
    failFirst("fault-busy", okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}"));
  }

  /** The first message/send to {@code user} fails with {@code failure}; later ones succeed. */
  private static void failFirst(String user, ResponseDefinitionBuilder failure) {
    WECOM.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).atPriority(1)
        .withRequestBody(matchingJsonPath("$.touser", equalTo(user)))
        .inScenario("fault " + user).whenScenarioStateIs(STARTED)
        .willReturn(failure).willSetStateTo("recovered"));
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Autowired
  Outbox outbox;
  @Autowired
  OutboxRepository repository;
  @Autowired
  TransactionTemplate tx;

  @Test
  void everyMessageIsDeliveredOnceInOrderAfterEachKindOfFailure() {
    List<String> users = List.of("fault-5xx", "fault-timeout", "fault-42001", "fault-45009", "fault-45033",
        "fault-busy");
    int tokensBefore = WECOM.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
        .getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))).size();
    Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
    for (String user : users) {
      List<String> markers = List.of(user + "#1", user + "#2", user + "#3");
      expected.put(user, markers);
      tx.executeWithoutResult(s -> {
        outbox.enqueue(InboundMessage.Channel.WECOM, user, OutgoingMessage.text("消息 " + markers.get(0)));
        outbox.enqueue(InboundMessage.Channel.WECOM, user, OutgoingMessage.buttonCard("卡片 " + markers.get(1),
            "卡片 " + markers.get(1), null, null, List.of(new OutgoingMessage.Button("k1", "达标"),
                new OutgoingMessage.Button("k2", "不达标")), "task-" + markers.get(1).replace('#', '-')));
        outbox.enqueue(InboundMessage.Channel.WECOM, user, OutgoingMessage.text("消息 " + markers.get(2)));
      });
    }
    runUntilAllSent();

    for (String user : users) {
      List<Request> toUser = REQUESTS.stream().filter(r -> r.user().equals(user)).toList();
      assertThat(toUser).as("%s saw its fault", user).anyMatch(r -> !r.accepted());
      List<String> delivered = toUser.stream().filter(Request::accepted).map(Request::text).toList();
      assertThat(delivered).as("delivered to %s", user).hasSize(3);
      for (int i = 0; i < 3; i++) {
        assertThat(delivered.get(i)).contains(expected.get(user).get(i));
      }
    }
    assertThat(WECOM.server().findAll(com.github.tomakehurst.wiremock.client.WireMock
        .getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))).size()).as("42001 fetched a new token")
        .isGreaterThan(tokensBefore);
    assertNoOneOverTheLimit();
  }

  @Test
  void aBurstBeyondTheLimitIsDigestedOrDelayedButNeverDropped() {
    // Start ten seconds before a minute ends: fixed per-minute windows would let twice the limit through.
    Instant minute = CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    CLOCK.set(minute.plusSeconds(110));
    List<String> cards = IntStream.rangeClosed(1, 12).mapToObj(i -> "card-" + i + "-end").toList();
    // About 400 bytes each: four fit in one WeCom text, so the digests need several windows too.
    List<String> texts = IntStream.rangeClosed(1, 24)
        .mapToObj(i -> "第" + i + "条：" + "您的回答已记录，请继续回答下一题。".repeat(7) + "#t" + i + "#").toList();
    tx.executeWithoutResult(s -> {
      cards.forEach(c -> outbox.enqueue(InboundMessage.Channel.WECOM, "burst-cards",
          OutgoingMessage.buttonCard(c, c, null, null, List.of(new OutgoingMessage.Button("a", "是"),
              new OutgoingMessage.Button("b", "否")), "task-" + c)));
      texts.forEach(t -> outbox.enqueue(InboundMessage.Channel.WECOM, "burst-texts", OutgoingMessage.text(t)));
    });
    runUntilAllSent();

    List<String> deliveredCards = accepted("burst-cards").stream().map(Request::text).toList();
    assertThat(deliveredCards).hasSize(12);
    for (int i = 0; i < 12; i++) {
      assertThat(deliveredCards.get(i)).startsWith(cards.get(i));
    }
    List<Request> digests = accepted("burst-texts");
    assertThat(digests).as("texts folded into digests").hasSizeBetween(5, 12);
    String all = digests.stream().map(Request::text).collect(Collectors.joining("\n\n"));
    assertThat(all).isEqualTo(String.join("\n\n", texts));
    assertThat(digests).allSatisfy(d -> assertThat(d.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(2048));
    assertThat(repository.countByStatus(OutboxRecord.Status.MERGED)).isEqualTo(24 - digests.size());
    assertNoOneOverTheLimit();
  }

  @Test
  void theClaimOfANodeThatDiedLapsesAndTheMessageGoesOnce() {
    Instant now = CLOCK.instant();
    long orphan = tx.execute(s -> {
      long id = outbox.enqueue(InboundMessage.Channel.WECOM, "orphan", OutgoingMessage.text("孤儿消息 #orphan"));
      assertThat(repository.claim(id, "node-that-died", now.plusSeconds(30), now)).isEqualTo(1);
      return id;
    });
    long witness = tx.execute(s -> outbox.enqueue(InboundMessage.Channel.WECOM, "witness",
        OutgoingMessage.text("见证消息")));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> repository.findById(witness).orElseThrow().getStatus() == OutboxRecord.Status.SENT);
    CLOCK.advance(Duration.ofSeconds(20));
    long witness2 = tx.execute(s -> outbox.enqueue(InboundMessage.Channel.WECOM, "witness", OutgoingMessage.text("见证消息二")));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> repository.findById(witness2).orElseThrow().getStatus() == OutboxRecord.Status.SENT);
    assertThat(REQUESTS).noneMatch(r -> r.user().equals("orphan"));
    assertThat(repository.findById(orphan).orElseThrow().getStatus()).isEqualTo(OutboxRecord.Status.PENDING);

    CLOCK.advance(Duration.ofSeconds(11));
    await().atMost(Duration.ofSeconds(20))
        .until(() -> repository.findById(orphan).orElseThrow().getStatus() == OutboxRecord.Status.SENT);
    assertThat(accepted("orphan")).singleElement().satisfies(r -> assertThat(r.text()).contains("#orphan"));
  }

  private static List<Request> accepted(String user) {
    return REQUESTS.stream().filter(r -> r.user().equals(user) && r.accepted()).toList();
  }

  /** Moves the clock ten seconds whenever nothing is due or in flight, until every message is sent. */
  private void runUntilAllSent() {
    for (int step = 0; step < 400; step++) {
      await().atMost(Duration.ofSeconds(30)).until(this::quiet);
      if (repository.countByStatus(OutboxRecord.Status.PENDING) == 0) {
        assertThat(repository.countByStatus(OutboxRecord.Status.DEAD)).isZero();
        return;
      }
      CLOCK.advance(Duration.ofSeconds(10));
    }
    throw new AssertionError("messages still pending after 4000 s of application time: "
        + repository.findByStatusOrderByIdAsc(OutboxRecord.Status.PENDING, org.springframework.data.domain.Limit.of(20))
        .stream().map(r -> r.getId() + " to " + r.getRecipient() + " attempts " + r.getAttempts() + " next "
            + r.getNextAttemptAt() + " error " + r.getLastError() + " claimed " + r.getClaimedUntil()).toList());
  }

  /** True when no recipient's next message (only the oldest may go) is due or being sent. */
  private boolean quiet() {
    Instant now = CLOCK.instant();
    Map<String, OutboxRecord> heads = new java.util.HashMap<>();
    repository.findByStatusOrderByIdAsc(OutboxRecord.Status.PENDING, org.springframework.data.domain.Limit.of(1000))
        .forEach(r -> heads.putIfAbsent(r.getRecipient(), r));
    return heads.values().stream().noneMatch(r -> !r.getNextAttemptAt().isAfter(now) || r.claimedAt(now));
  }

  /** No one received more than the limit within any 60 seconds (WeCom's own limit is 30). */
  private static void assertNoOneOverTheLimit() {
    Map<String, List<Instant>> byUser = REQUESTS.stream().filter(Request::accepted)
        .collect(Collectors.groupingBy(Request::user, Collectors.mapping(Request::at, Collectors.toList())));
    byUser.forEach((user, times) -> {
      List<Instant> sorted = new ArrayList<>(times);
      sorted.sort(null);
      for (Instant start : sorted) {
        long inMinute = sorted.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(60))).count();
        assertThat(inMinute).as("messages to %s in the minute from %s", user, start).isLessThanOrEqualTo(PER_MINUTE);
      }
    });
  }
}
