package cn.dudao.bot.reminder;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A planned reminder: one per rule, recipient and day (the table's unique key). PLANNED until due, then
 * QUEUED in the outbox in one transaction, or SKIPPED with the reason (nothing left, too late).
 */
@Entity
@Table(name = "reminders")
public class Reminder {

  /** PLANNED, QUEUED (handed to the outbox) or SKIPPED. */
  public enum Status { PLANNED, QUEUED, SKIPPED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long ruleId;
  private Long planId;
  private String recipient;
  private LocalDate reminderDay;
  private Instant dueAt;
  @Enumerated(EnumType.STRING)
  private Status status;
  private Instant plannedAt;
  private Instant queuedAt;
  private Long outboxId;
  private String note;

  protected Reminder() {
  }

  void queued(long outboxMessageId) {
    this.outboxId = outboxMessageId;
  }

  void skip(String reason) {
    this.status = Status.SKIPPED;
    this.note = reason;
  }

  public Long getId() { return id; }
  public Long getRuleId() { return ruleId; }
  public Long getPlanId() { return planId; }
  public String getRecipient() { return recipient; }
  public LocalDate getReminderDay() { return reminderDay; }
  public Instant getDueAt() { return dueAt; }
  public Status getStatus() { return status; }
  public Instant getPlannedAt() { return plannedAt; }
  public Instant getQueuedAt() { return queuedAt; }
  public Long getOutboxId() { return outboxId; }
  public String getNote() { return note; }
}
