package cn.dudao.bot.outbox;

import cn.dudao.bot.inbox.InboundMessage;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One outgoing message, written in the same transaction as the change that caused it. */
@Entity
@Table(name = "outbox_messages")
public class OutboxRecord {

  /**
   * PENDING until sent; DEAD after a permanent error or too many attempts (resendable from the console);
   * MERGED when its text went out inside an earlier message's digest ({@code mergedInto}).
   */
  public enum Status { PENDING, SENT, DEAD, MERGED }

  /**
   * ANY_TIME: as soon as possible (replies, notices caused by someone's action); WAKING_HOURS: a reminder,
   * which neither its first attempt nor a retry or delay may place in quiet hours ({@link SendWindow}).
   */
  public enum Timing { ANY_TIME, WAKING_HOURS }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Enumerated(EnumType.STRING)
  private InboundMessage.Channel channel;
  private String recipient;
  private String payload;
  @Enumerated(EnumType.STRING)
  private Status status;
  private int attempts;
  private Instant createdAt;
  private Instant nextAttemptAt;
  private String claimedBy;
  private Instant claimedUntil;
  private Instant sentAt;
  private String lastError;
  private String responseCode;
  private Long mergedInto;
  @Enumerated(EnumType.STRING)
  private Timing timing = Timing.ANY_TIME;

  protected OutboxRecord() {
  }

  OutboxRecord(InboundMessage.Channel channel, String recipient, String payload, Instant now) {
    this.channel = channel;
    this.recipient = recipient;
    this.payload = payload;
    this.status = Status.PENDING;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  OutboxRecord(InboundMessage.Channel channel, String recipient, String payload, Instant now, Timing timing,
               Instant firstAttempt) {
    this(channel, recipient, payload, now);
    this.timing = timing;
    this.nextAttemptAt = firstAttempt;
  }

  void markSent(Instant at, String responseCode) {
    this.status = Status.SENT;
    this.sentAt = at;
    this.responseCode = responseCode;
    this.claimedBy = null;
    this.claimedUntil = null;
  }

  void retryAt(Instant at, String error, boolean countsAsAttempt) {
    if (countsAsAttempt) {
      this.attempts++;
    }
    this.nextAttemptAt = at;
    this.lastError = truncate(error);
    this.claimedBy = null;
    this.claimedUntil = null;
  }

  void markDead(String error) {
    this.attempts++;
    this.status = Status.DEAD;
    this.lastError = truncate(error);
    this.claimedBy = null;
    this.claimedUntil = null;
  }

  /** Puts a dead message back in the queue (the console's resend action). */
  void requeue(Instant now) {
    if (status != Status.DEAD) {
      throw new IllegalStateException("only a dead letter can be resent; message " + id + " is " + status);
    }
    this.status = Status.PENDING;
    this.nextAttemptAt = now;
    this.attempts = 0;
    this.claimedBy = null;
    this.claimedUntil = null;
  }

  /** The head of a digest: its payload now carries the texts merged into it. */
  void replacePayload(String payload) {
    this.payload = payload;
  }

  /** This text goes out inside message {@code headId}; kept for the record, never sent on its own. */
  void mergeInto(Long headId, Instant at) {
    this.status = Status.MERGED;
    this.mergedInto = headId;
    this.sentAt = at;
  }

  /** True while a node holds this message for sending. */
  boolean claimedAt(Instant now) {
    return claimedUntil != null && claimedUntil.isAfter(now);
  }

  private static String truncate(String s) {
    return s == null ? null : s.substring(0, Math.min(500, s.length()));
  }

  public Long getId() { return id; }
  public InboundMessage.Channel getChannel() { return channel; }
  public String getRecipient() { return recipient; }
  public String getPayload() { return payload; }
  public Status getStatus() { return status; }
  public int getAttempts() { return attempts; }
  public Instant getCreatedAt() { return createdAt; }
  public Instant getNextAttemptAt() { return nextAttemptAt; }
  public Instant getSentAt() { return sentAt; }
  public String getLastError() { return lastError; }
  public String getResponseCode() { return responseCode; }
  public Long getMergedInto() { return mergedInto; }
  public Timing getTiming() { return timing; }
  public String getClaimedBy() { return claimedBy; }
  public Instant getClaimedUntil() { return claimedUntil; }
}
