package cn.dudao.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.testsupport.TestServices;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * GUIDE §5 invariant 4, broken on purpose: the node fails after the inspection, state and the queued
 * reply were written but before the commit. Everything of that attempt rolls back, the message stays
 * pending, the sweep applies it again, and the state, answers and replies agree: one inspection, one
 * reply, the conversation on the village question.
 */
@SpringBootTest(classes = BotApplication.class, properties = "dudao.inbox.sweep-interval=200ms")
class ConversationAtomicityIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @MockitoSpyBean
  ConversationRows rows;
  @Autowired
  Outbox outbox;
  @Autowired
  Inbox inbox;
  @Autowired
  InboxRepository inboxRecords;
  @Autowired
  OutboxRepository outboxRecords;
  @Autowired
  InspectionRepository inspections;
  @Autowired
  MemberRepository members;
  @Autowired
  ConversationRepository conversations;

  @Test
  void aCrashBetweenWritesLeavesNothingHalfDoneAndTheMessageIsAppliedOnce() {
    String user = "liguangyao";
    // The state is saved (the step's last write), then the node dies before the commit; the next attempt is normal.
    doAnswer(invocation -> {
      invocation.callRealMethod();
      throw new IllegalStateException("node died here");
    }).doCallRealMethod().when(rows).save(any());

    inbox.accept(InboundMessage.text(InboundMessage.Channel.SIMULATOR, user, Instant.now(), "sim:crash-1", "开始"));

    await().atMost(Duration.ofSeconds(30)).until(() -> inboxRecords.findByUserIdAndChannelOrderByIdAsc(user,
        InboundMessage.Channel.SIMULATOR).get(0).getStatus() == InboundRecord.Status.DONE);
    InboundRecord record = inboxRecords.findByUserIdAndChannelOrderByIdAsc(user, InboundMessage.Channel.SIMULATOR)
        .get(0);
    assertThat(record.getAttempts()).isEqualTo(1);
    long memberId = members.findActiveByWecomUserId(user).get(0).getId();
    assertThat(inspections.findByMemberIdOrderByIdAsc(memberId)).hasSize(1);
    assertThat(outboxRecords.findByRecipientAndChannelOrderByIdAsc(user, InboundMessage.Channel.SIMULATOR))
        .singleElement().satisfies(r -> assertThat(outbox.read(r).text()).contains("请选择要核查的行政村"));
    ConversationRecord conversation = conversations.findByUserId(user).orElseThrow();
    assertThat(conversation.getInspectionId())
        .isEqualTo(inspections.findByMemberIdOrderByIdAsc(memberId).get(0).getId());
    assertThat(conversation.getStateJson()).contains("village");
  }
}
