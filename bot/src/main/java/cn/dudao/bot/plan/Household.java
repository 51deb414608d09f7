package cn.dudao.bot.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A household (农户) of a village, as the monitoring lists describe it. Only a masked ID number is ever
 * held (see {@link IdNumbers}): the full number never reaches the database or the logs.
 */
@Entity
@Table(name = "households")
public class Household {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long villageId;
  private String headName;
  @Column(name = "id_number_masked")
  private String idNumberMasked;
  @Enumerated(EnumType.STRING)
  private HouseholdCategory category;
  @Column(name = "household_size")
  private int size;
  private boolean monitored;
  private Integer warningLevel;
  private boolean riskEliminated;
  private int sortOrder;

  protected Household() {
  }

  public Household(Long villageId, String headName, String idNumberMasked, HouseholdCategory category, int size,
                   int sortOrder) {
    this.villageId = villageId;
    this.headName = headName;
    this.idNumberMasked = IdNumbers.requireMasked(idNumberMasked);
    this.category = category;
    this.size = size;
    this.sortOrder = sortOrder;
  }

  /** Sets the monitoring flags: a monitored household (监测对象), its warning level (1–5) and whether its risk is gone. */
  public Household monitoring(boolean monitored, Integer warningLevel, boolean riskEliminated) {
    this.monitored = monitored;
    this.warningLevel = warningLevel;
    this.riskEliminated = riskEliminated;
    return this;
  }

  /** Updates category and size in place (an import re-reads the list). */
  public void update(HouseholdCategory category, int size, int sortOrder) {
    this.category = category;
    this.size = size;
    this.sortOrder = sortOrder;
  }

  public Long getId() { return id; }
  public Long getVillageId() { return villageId; }
  public String getHeadName() { return headName; }
  public String getIdNumberMasked() { return idNumberMasked; }
  public HouseholdCategory getCategory() { return category; }
  public int getSize() { return size; }
  public boolean isMonitored() { return monitored; }
  public Integer getWarningLevel() { return warningLevel; }
  public boolean isRiskEliminated() { return riskEliminated; }
  public int getSortOrder() { return sortOrder; }

  @Override
  public String toString() {
    return "Household[id=" + id + ", villageId=" + villageId + ", idNumber=" + idNumberMasked + "]";
  }
}
