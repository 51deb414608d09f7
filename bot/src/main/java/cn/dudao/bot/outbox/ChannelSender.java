package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.time.Duration;

/** Delivers messages through one channel and says how it went. */
public interface ChannelSender {

  InboundMessage.Channel channel();

  Result send(String recipient, OutgoingMessage message);

  /** The outcome of one delivery attempt. */
  sealed interface Result {
    /** Accepted by the channel; {@code responseCode} is set for interactive cards. */
    record Sent(String responseCode) implements Result {}

    /** A passing failure; try again after {@code delay} (null: the dispatcher's backoff). */
    record Retry(String reason, Duration delay) implements Result {}

    /** Will never succeed (for example all recipients invalid); goes to the dead letters. */
    record Permanent(String reason) implements Result {}
  }
}
