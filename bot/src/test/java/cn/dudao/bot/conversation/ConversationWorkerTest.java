package cn.dudao.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker hands each person to the pool once however many events arrive, and never fails an ack. */
class ConversationWorkerTest {

  private final ConversationProcessor processor = mock(ConversationProcessor.class);
  private final ConversationRows rows = mock(ConversationRows.class);
  private final InboxFailures failures = mock(InboxFailures.class);
  private final InboxRepository inbox = mock(InboxRepository.class);

  @Test
  void manyEventsForOnePersonQueueOneTaskThatAppliesThemAll() {
    Deque<Runnable> tasks = new ArrayDeque<>();
    ConversationWorker worker = new ConversationWorker(processor, rows, failures, inbox, tasks::add, Clock.systemUTC());
    AtomicInteger waiting = new AtomicInteger(3);
    when(processor.processNext("u1")).thenAnswer(i -> waiting.getAndDecrement() > 0);

    for (int i = 0; i < 3; i++) {
      worker.onRecorded(new Inbox.MessageRecorded("u1", InboundMessage.Kind.TEXT));
    }
    worker.onRecorded(new Inbox.MessageRecorded("u2", InboundMessage.Kind.TEXT));

    assertThat(tasks).as("one task per person waiting in the pool").hasSize(2);
    tasks.poll().run();
    assertThat(waiting.get()).as("the one task applied all three").isNegative();
    // Once his task has started, a new message gets a new task (it may arrive after the drain ended).
    worker.onRecorded(new Inbox.MessageRecorded("u1", InboundMessage.Kind.TEXT));
    assertThat(tasks).hasSize(2);
  }

  @Test
  void aFullPoolDoesNotFailTheAckAndTheNextEventTriesAgain() {
    AtomicInteger offered = new AtomicInteger();
    Executor full = task -> {
      offered.incrementAndGet();
      throw new RejectedExecutionException("full");
    };
    ConversationWorker worker = new ConversationWorker(processor, rows, failures, inbox, full, Clock.systemUTC());
    assertThatCode(() -> worker.onRecorded(new Inbox.MessageRecorded("u1", InboundMessage.Kind.TEXT))).doesNotThrowAnyException();
    worker.onRecorded(new Inbox.MessageRecorded("u1", InboundMessage.Kind.TEXT));
    assertThat(offered.get()).as("a refused task does not block later ones").isEqualTo(2);
  }

  @Test
  void aRequestWhileDrainingIsHonouredByTheDrainingThread() {
    ConversationWorker worker = new ConversationWorker(processor, rows, failures, inbox, Runnable::run,
        Clock.systemUTC());
    AtomicInteger calls = new AtomicInteger();
    when(processor.processNext(anyString())).thenAnswer(i -> {
      if (calls.incrementAndGet() == 1) {
        // a message recorded while this person is being drained: the nested call only leaves a request
        worker.drain("u1");
      }
      return false;
    });
    worker.drain("u1");
    verify(processor, times(2)).processNext("u1");
  }
}
