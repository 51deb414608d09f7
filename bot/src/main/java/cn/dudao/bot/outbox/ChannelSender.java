package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import java.time.Duration;

/** Delivers messages through one channel and says how it went. */
public interface ChannelSender {

  InboundMessage.Channel channel();

  Result send(String recipient, OutgoingMessage message);

  /** False when the channel is not set up here (WeCom without an app); it then fails every message. */
  default boolean available() {
    return true;
  }

  /** True when the channel drops messages beyond a per-member rate (WeCom); the dispatcher then paces them. */
  default boolean perMemberLimits() {
    return true;
  }

  /** The outcome of one delivery attempt. */
  sealed interface Result {
    /** Accepted by the channel; {@code responseCode} is set for interactive cards. */
    record Sent(String responseCode) implements Result {}

    /** A passing failure; try again after {@code delay} (null: the dispatcher's backoff). */
    record Retry(String reason, Duration delay) implements Result {}

    /**
     * The channel refused for its own rate or concurrency limit (WeCom 45009, 45033); try again after
     * {@code delay}. Not a failed attempt: a throttled message waits, it never becomes a dead letter.
     */
    record Throttled(String reason, Duration delay) implements Result {}

    /** Will never succeed (for example all recipients invalid); goes to the dead letters. */
    record Permanent(String reason) implements Result {}
  }
}
