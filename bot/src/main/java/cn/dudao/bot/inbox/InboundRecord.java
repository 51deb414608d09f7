package cn.dudao.bot.inbox;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A durably recorded inbound message, written before the callback is acknowledged. */
@Entity
@Table(name = "inbound_messages")
public class InboundRecord {

  /** PENDING until applied; FAILED after repeated errors (kept for inspection, not retried). */
  public enum Status { PENDING, DONE, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String dedupeKey;
  @Enumerated(EnumType.STRING)
  private InboundMessage.Channel channel;
  private String userId;
  private Instant sentAt;
  private Instant receivedAt;
  private String kind;
  private String payload;
  @Enumerated(EnumType.STRING)
  private Status status;
  private int attempts;
  private Instant processedAt;
  private String lastError;

  protected InboundRecord() {
  }

  InboundRecord(InboundMessage message, String payload, Instant receivedAt) {
    this.dedupeKey = message.dedupeKey();
    this.channel = message.channel();
    this.userId = message.userId();
    this.sentAt = message.createdAt();
    this.receivedAt = receivedAt;
    this.kind = message.kind().name();
    this.payload = payload;
    this.status = Status.PENDING;
  }

  /** A row read with plain SQL by {@link Inbox#nextPending}; not managed by JPA. */
  static InboundRecord pending(long id, String dedupeKey, InboundMessage.Channel channel, String userId, Instant sentAt,
                               Instant receivedAt, String kind, String payload, int attempts) {
    InboundRecord r = new InboundRecord();
    r.id = id;
    r.dedupeKey = dedupeKey;
    r.channel = channel;
    r.userId = userId;
    r.sentAt = sentAt;
    r.receivedAt = receivedAt;
    r.kind = kind;
    r.payload = payload;
    r.status = Status.PENDING;
    r.attempts = attempts;
    return r;
  }

  public void markDone(Instant at) {
    this.status = Status.DONE;
    this.processedAt = at;
  }

  public void recordFailure(String error, int maxAttempts, Instant at) {
    this.attempts++;
    this.lastError = error == null ? null : error.substring(0, Math.min(error.length(), 500));
    if (attempts >= maxAttempts) {
      this.status = Status.FAILED;
      this.processedAt = at;
    }
  }

  public Long getId() { return id; }
  public String getDedupeKey() { return dedupeKey; }
  public InboundMessage.Channel getChannel() { return channel; }
  public String getUserId() { return userId; }
  public Instant getSentAt() { return sentAt; }
  public Instant getReceivedAt() { return receivedAt; }
  public String getKind() { return kind; }
  public String getPayload() { return payload; }
  public Status getStatus() { return status; }
  public int getAttempts() { return attempts; }
}
