package cn.dudao.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.testsupport.Nodes;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher serves many recipients at once on two nodes sharing one database and Redis: every
 * message is delivered exactly once and each recipient's messages in the order they were queued. And
 * batched claims racing on the same heads never hand one row to two claimants.
 */
class OutboxParallelIT {

  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final int RECIPIENTS = 16;
  private static final int PER_RECIPIENT = 6;

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Test
  void twoNodesSendEveryRecipientsMessagesOnceAndInOrder() {
    WECOM.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).atPriority(1)
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"M\"}")
            .withUniformRandomDelay(5, 60)));
    List<String> recipients = IntStream.rangeClosed(1, RECIPIENTS).mapToObj(i -> "par-" + i).toList();
    try (Nodes nodes = new Nodes(TestServices.freshServices(), null)) {
      ConfigurableApplicationContext first = nodes.start(properties());
      ConfigurableApplicationContext second = nodes.start(properties());
      // Queued in rounds, alternating nodes, so both nodes' dispatchers are woken while the other sends.
      for (int n = 1; n <= PER_RECIPIENT; n++) {
        ConfigurableApplicationContext node = n % 2 == 0 ? first : second;
        Outbox outbox = node.getBean(Outbox.class);
        int round = n;
        node.getBean(TransactionTemplate.class).executeWithoutResult(s -> recipients.forEach(r ->
            outbox.enqueue(InboundMessage.Channel.WECOM, r, card(r + " 第" + round + "条"))));
      }
      OutboxRepository repository = first.getBean(OutboxRepository.class);
      await().atMost(Duration.ofSeconds(60))
          .until(() -> repository.countByStatus(OutboxRecord.Status.SENT) == (long) RECIPIENTS * PER_RECIPIENT);
    }
    assertThat(WECOM.bodies("/cgi-bin/message/send")).as("each message sent once").hasSize(RECIPIENTS * PER_RECIPIENT);
    for (String r : recipients) {
      List<String> delivered = WECOM.messagesTo(r).stream().map(WeComApiStub::textOf).toList();
      assertThat(delivered).hasSize(PER_RECIPIENT);
      for (int n = 1; n <= PER_RECIPIENT; n++) {
        assertThat(delivered.get(n - 1)).as(r + " in order").startsWith(r + " 第" + n + "条");
      }
    }
  }

  @Test
  void racingBatchClaimsNeverClaimARowTwice() throws Exception {
    try (Nodes nodes = new Nodes(TestServices.freshServices(), null)) {
      // No WeCom to send to and no poll: only the claims below touch the queue.
      ConfigurableApplicationContext node = nodes.start("dudao.outbox.poll-interval=1h", "dudao.reminders.enabled=false");
      node.getBean(OutboxDispatcher.class).stop();
      List<String> recipients = IntStream.rangeClosed(1, 40).mapToObj(i -> "race-" + i).toList();
      Outbox outbox = node.getBean(Outbox.class);
      node.getBean(TransactionTemplate.class).executeWithoutResult(s -> recipients.forEach(r -> {
        outbox.enqueue(InboundMessage.Channel.WECOM, r, OutgoingMessage.text(r + " a"));
        outbox.enqueue(InboundMessage.Channel.WECOM, r, OutgoingMessage.text(r + " b"));
      }));
      OutboxClaims claims = node.getBean(OutboxClaims.class);
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Callable<List<OutboxClaims.Claimed>>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          String token = "racer-" + i;
          racers.add(() -> {
            Instant now = Instant.now();
            return claims.claimHeads(recipients, token, now.plusSeconds(60), now);
          });
        }
        Set<Long> won = new HashSet<>();
        int total = 0;
        for (Future<List<OutboxClaims.Claimed>> result : pool.invokeAll(racers)) {
          for (OutboxClaims.Claimed c : result.get()) {
            won.add(c.id());
            total++;
          }
        }
        assertThat(total).as("no row claimed twice").isEqualTo(won.size());
        assertThat(won).as("every recipient's head claimed once, nothing behind it").hasSize(recipients.size());
        JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
        List<Long> heads = jdbc.queryForList(
            "SELECT MIN(id) FROM outbox_messages WHERE recipient LIKE 'race-%' GROUP BY recipient", Long.class);
        assertThat(won).containsExactlyInAnyOrderElementsOf(heads);
        // A held head blocks its recipient: the message behind it cannot be claimed meanwhile.
        Instant now = Instant.now();
        assertThat(claims.claimHead("race-1", "late", now.plusSeconds(60), now)).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String[] properties() {
    List<String> properties = new ArrayList<>(List.of(WeComCallbacks.springProperties()));
    properties.addAll(List.of("dudao.wecom.api-base-url=" + WECOM.baseUrl(), "dudao.reminders.enabled=false",
        "dudao.outbox.poll-interval=200ms", "dudao.outbox.parallelism=6"));
    return properties.toArray(String[]::new);
  }

  /** Cards, so that nothing is folded into a digest and each message is one request. */
  private static OutgoingMessage card(String title) {
    return OutgoingMessage.buttonCard(title, title, null, null,
        List.of(new OutgoingMessage.Button("y", "是"), new OutgoingMessage.Button("n", "否")), "t" + title.hashCode());
  }
}
