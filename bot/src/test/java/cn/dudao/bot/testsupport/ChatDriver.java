package cn.dudao.bot.testsupport;

import static org.awaitility.Awaitility.await;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.outbox.OutgoingMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Chats with a running context as the simulator does: messages go into the durable inbox on the
 * simulator channel, and each call returns once the message was applied (its row is DONE, which commits
 * together with the replies), so tests read replies without sleeping.
 */
public final class ChatDriver {

  private final Inbox inbox;
  private final InboxRepository inboxRecords;
  private final OutboxRepository outboxRecords;
  private final Outbox outbox;

  public ChatDriver(Inbox inbox, InboxRepository inboxRecords, OutboxRepository outboxRecords, Outbox outbox) {
    this.inbox = inbox;
    this.inboxRecords = inboxRecords;
    this.outboxRecords = outboxRecords;
    this.outbox = outbox;
  }

  public List<OutgoingMessage> say(String user, String text) {
    return send(InboundMessage.text(InboundMessage.Channel.SIMULATOR, user, Instant.now(), key(), text));
  }

  public List<OutgoingMessage> sendImage(String user, String mediaId) {
    return send(new InboundMessage(InboundMessage.Channel.SIMULATOR, user, Instant.now(), key(),
        InboundMessage.Kind.IMAGE, null, mediaId, null, null, null, null, null, null, List.of(), null));
  }

  public List<OutgoingMessage> sendLocation(String user, double lat, double lng, String label) {
    return send(new InboundMessage(InboundMessage.Channel.SIMULATOR, user, Instant.now(), key(),
        InboundMessage.Kind.LOCATION, null, null, null, lat, lng, label, null, null, List.of(), null));
  }

  /** The texts of everything the bot has said to {@code user} on the simulator channel. */
  public List<String> transcript(String user) {
    return outboxRecords.findByRecipientAndChannelOrderByIdAsc(user, InboundMessage.Channel.SIMULATOR).stream()
        .map(r -> outbox.read(r).text()).toList();
  }

  /** The last thing the bot said. */
  public String last(String user) {
    List<String> all = transcript(user);
    return all.isEmpty() ? "" : all.get(all.size() - 1);
  }

  private List<OutgoingMessage> send(InboundMessage message) {
    int before = outboxRecords.findByRecipientAndChannelOrderByIdAsc(message.userId(),
        InboundMessage.Channel.SIMULATOR).size();
    inbox.accept(message);
    await().atMost(Duration.ofSeconds(20)).until(() -> inboxRecords.findByUserIdAndChannelOrderByIdAsc(
        message.userId(), InboundMessage.Channel.SIMULATOR).stream()
        .filter(r -> r.getDedupeKey().equals(message.dedupeKey()))
        .anyMatch(r -> r.getStatus() != InboundRecord.Status.PENDING));
    List<OutboxRecord> all = outboxRecords.findByRecipientAndChannelOrderByIdAsc(message.userId(),
        InboundMessage.Channel.SIMULATOR);
    return all.subList(before, all.size()).stream().map(outbox::read).toList();
  }

  private static String key() {
    return "sim:" + UUID.randomUUID();
  }
}
