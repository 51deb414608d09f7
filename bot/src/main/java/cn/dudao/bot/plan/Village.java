package cn.dudao.bot.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An administrative village (行政村) of an area. */
@Entity
@Table(name = "villages")
public class Village {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long areaId;
  private String name;
  private int sortOrder;

  protected Village() {
  }

  public Village(Long areaId, String name, int sortOrder) {
    this.areaId = areaId;
    this.name = name;
    this.sortOrder = sortOrder;
  }

  public Long getId() { return id; }
  public Long getAreaId() { return areaId; }
  public String getName() { return name; }
  public int getSortOrder() { return sortOrder; }
}
