package cn.dudao.bot.outbox;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A node is shut down while it works through a queue (WeCom answers slowly), and another node takes
 * over on the same database and Redis: every message is delivered once, in order. The message in
 * flight at shutdown is finished and marked before the node lets go of the database.
 */
class OutboxRestartIT {

  private static final String USER = "restart-user";
  private static final WeComApiStub WECOM = new WeComApiStub().start();

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Test
  void aRestartLosesNothingAndSendsNothingTwice() {
    WECOM.server().stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).atPriority(1)
        .withRequestBody(matchingJsonPath("$.touser", equalTo(USER)))
        .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"M\"}")
            .withFixedDelay(300)));
    List<String> properties = new ArrayList<>(List.of(WeComCallbacks.springProperties()));
    properties.addAll(List.of("dudao.wecom.api-base-url=" + WECOM.baseUrl(), "dudao.reminders.enabled=false",
        "dudao.outbox.poll-interval=200ms"));
    List<String> texts = IntStream.rangeClosed(1, 15).mapToObj(i -> "第" + i + "条 #r" + i + "#").toList();

    try (Nodes nodes = new Nodes(TestServices.sharedProperties(), null)) {
      ConfigurableApplicationContext first = nodes.start(properties.toArray(String[]::new));
      Outbox outbox = first.getBean(Outbox.class);
      // Cards, so that nothing is folded into a digest and each message is one request.
      first.getBean(TransactionTemplate.class).executeWithoutResult(s -> texts.forEach(t ->
          outbox.enqueue(InboundMessage.Channel.WECOM, USER, OutgoingMessage.buttonCard(t, t, null, null,
              List.of(new OutgoingMessage.Button("y", "是"), new OutgoingMessage.Button("n", "否")), "task" + t.hashCode()))));
      await().atMost(Duration.ofSeconds(30)).until(() -> WECOM.messagesTo(USER).size() >= 3);
      first.close();
      int sentBeforeRestart = WECOM.messagesTo(USER).size();
      assertThat(sentBeforeRestart).as("the first node stopped midway").isLessThan(texts.size());

      ConfigurableApplicationContext second = nodes.start(properties.toArray(String[]::new));
      OutboxRepository repository = second.getBean(OutboxRepository.class);
      await().atMost(Duration.ofSeconds(60)).until(() -> repository.countByStatus(OutboxRecord.Status.SENT) == texts.size());
    }
    List<String> delivered = WECOM.messagesTo(USER).stream().map(WeComApiStub::textOf).toList();
    assertThat(delivered).hasSize(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(delivered.get(i)).startsWith(texts.get(i));
    }
  }
}
