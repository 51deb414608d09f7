package cn.dudao.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.testsupport.TestServices;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A drain ends with the step that applied the last waiting message: that step reports whether another
 * one waits, so no further transaction (lock, look, commit) runs only to find nothing. At load this
 * was one empty transaction in three (deploy/BENCHMARKS.md, round 4). The worker is held back so the
 * test drives the steps itself.
 */
@SpringBootTest(classes = BotApplication.class, properties = "dudao.inbox.sweep-interval=1h")
class ConversationDrainIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @MockitoSpyBean
  ConversationWorker worker;
  @Autowired
  Inbox inbox;
  @Autowired
  ConversationProcessor processor;
  @Autowired
  ConversationRows rows;
  @Autowired
  InboxRepository inboxRecords;

  @Test
  void theStepThatAppliesTheLastWaitingMessageSaysNothingMoreWaits() {
    doNothing().when(worker).onRecorded(any());
    String user = "yangwenguang";
    Instant now = Instant.now();
    inbox.accept(InboundMessage.text(InboundMessage.Channel.SIMULATOR, user, now, "sim:drain-1", "开始"));
    inbox.accept(InboundMessage.text(InboundMessage.Channel.SIMULATOR, user, now.plusSeconds(1), "sim:drain-2", "退出"));
    rows.ensure(user);

    assertThat(processor.processNext(user)).as("the second message waits behind the first").isTrue();
    assertThat(processor.processNext(user)).as("the last one applied: nothing more to look for").isFalse();
    assertThat(processor.processNext(user)).as("nothing pending").isFalse();
    assertThat(inboxRecords.findByUserIdAndChannelOrderByIdAsc(user, InboundMessage.Channel.SIMULATOR))
        .extracting(InboundRecord::getDedupeKey, InboundRecord::getStatus)
        .containsExactly(Tuple.tuple("sim:drain-1", InboundRecord.Status.DONE),
            Tuple.tuple("sim:drain-2", InboundRecord.Status.DONE));
  }
}
