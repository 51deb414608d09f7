package cn.dudao.bot.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One line of the audit trail. Never holds a secret or a full ID number. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

  /** How an attempt ended. */
  public enum Outcome { ALLOWED, DENIED, APPLIED, REJECTED, FAILED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Instant occurredAt;
  private String actor;
  private String action;
  private String target;
  private String outcome;
  private String detail;

  protected AuditEvent() {
  }

  AuditEvent(Instant occurredAt, String actor, String action, String target, Outcome outcome, String detail) {
    this.occurredAt = occurredAt;
    this.actor = clip(actor, 128);
    this.action = clip(action, 64);
    this.target = clip(target, 200);
    this.outcome = outcome.name();
    this.detail = detail == null ? null : clip(detail, 1000);
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max - 1) + "…";
  }

  public Long getId() { return id; }
  public Instant getOccurredAt() { return occurredAt; }
  public String getActor() { return actor; }
  public String getAction() { return action; }
  public String getTarget() { return target; }
  public String getOutcome() { return outcome; }
  public String getDetail() { return detail; }
}
