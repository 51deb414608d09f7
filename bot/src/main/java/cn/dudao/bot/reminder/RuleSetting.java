package cn.dudao.bot.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;

/** A rule's schedule for one plan ({@code reminder_rules}): on which days, from when, over how long. */
@Entity
@Table(name = "reminder_rules")
public class RuleSetting {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  @Column(name = "rule_kind")
  private String kind;
  private boolean enabled = true;
  private LocalDate firstDay;
  private LocalDate lastDay;
  private LocalTime sendTime;
  private int spreadMinutes;

  protected RuleSetting() {
  }

  RuleSetting(Long planId, String kind, RuleDefaults defaults) {
    this.planId = planId;
    this.kind = kind;
    this.firstDay = defaults.firstDay();
    this.lastDay = defaults.lastDay();
    this.sendTime = defaults.sendAt();
    this.spreadMinutes = defaults.spreadMinutes();
  }

  /** True when the rule runs on {@code day}. */
  boolean covers(LocalDate day) {
    return enabled && !day.isBefore(firstDay) && !day.isAfter(lastDay);
  }

  /** Changes the schedule (the county's settings, or a test's). */
  public void reschedule(LocalDate firstDay, LocalDate lastDay, LocalTime sendTime, int spreadMinutes) {
    this.firstDay = firstDay;
    this.lastDay = lastDay;
    this.sendTime = sendTime;
    this.spreadMinutes = spreadMinutes;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public String getKind() { return kind; }
  public boolean isEnabled() { return enabled; }
  public LocalDate getFirstDay() { return firstDay; }
  public LocalDate getLastDay() { return lastDay; }
  public LocalTime getSendTime() { return sendTime; }
  public int getSpreadMinutes() { return spreadMinutes; }
}
