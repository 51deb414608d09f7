package cn.dudao.bot.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One supervision round of one county (专项督导工作方案): its dates and its standards. */
@Entity
@Table(name = "plans")
public class Plan {

  /** Days a responsible unit gets to rectify a problem unless the plan says otherwise. */
  public static final int DEFAULT_RECTIFICATION_DAYS = 15;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String code;
  private String name;
  private String county;
  @Column(name = "plan_year")
  private int year;
  private LocalDate fieldStart;
  private LocalDate fieldEnd;
  private int extensionDays;
  private LocalDate reportDue;
  private BigDecimal monitoringLine;
  private int rectificationDays = DEFAULT_RECTIFICATION_DAYS;
  private boolean active = true;

  protected Plan() {
  }

  public Plan(String code, String name, String county, int year, LocalDate fieldStart, LocalDate fieldEnd,
              int extensionDays, LocalDate reportDue, BigDecimal monitoringLine) {
    this.code = code;
    this.name = name;
    this.county = county;
    this.year = year;
    this.fieldStart = fieldStart;
    this.fieldEnd = fieldEnd;
    this.extensionDays = extensionDays;
    this.reportDue = reportDue;
    this.monitoringLine = monitoringLine;
  }

  /** The default rectification deadline in days (issue 6 dates problems with it). */
  public Plan withRectificationDays(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("rectification days must be positive");
    }
    this.rectificationDays = days;
    return this;
  }

  /** Marks the plan active (the bot serves its roster) or inactive (kept for the record only). */
  public void setActive(boolean active) {
    this.active = active;
  }

  /** The last day of field work, the extension included. */
  public LocalDate lastFieldDay() {
    return fieldEnd.plusDays(extensionDays);
  }

  /** True when {@code day} lies in the field period, the extension included. */
  public boolean inFieldPeriod(LocalDate day) {
    return !day.isBefore(fieldStart) && !day.isAfter(lastFieldDay());
  }

  public Long getId() { return id; }
  public String getCode() { return code; }
  public String getName() { return name; }
  public String getCounty() { return county; }
  public int getYear() { return year; }
  public LocalDate getFieldStart() { return fieldStart; }
  public LocalDate getFieldEnd() { return fieldEnd; }
  public int getExtensionDays() { return extensionDays; }
  public LocalDate getReportDue() { return reportDue; }
  public BigDecimal getMonitoringLine() { return monitoringLine; }
  public int getRectificationDays() { return rectificationDays; }
  public boolean isActive() { return active; }
}
