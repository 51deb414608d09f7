package cn.dudao.bot.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * A responsible unit (责任单位) that rectifies problems: a township (linked to its area) or a county
 * department. The plan's lead unit (the seed's 县乡村振兴局) is the county office: its contacts see everything.
 */
@Entity
@Table(name = "units")
public class ResponsibleUnit {

  /** 乡镇, 县直部门, or 牵头单位 (the county office that runs the round). */
  public enum Kind {
    TOWNSHIP("乡镇"), DEPARTMENT("县直部门"), COUNTY_OFFICE("牵头单位");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static Optional<Kind> ofLabel(String label) {
      for (Kind k : values()) {
        if (k.label.equals(label)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private String name;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private Long areaId;
  private int sortOrder;

  protected ResponsibleUnit() {
  }

  public ResponsibleUnit(Long planId, String name, Kind kind, Long areaId, int sortOrder) {
    this.planId = planId;
    this.name = name;
    this.kind = kind;
    this.areaId = areaId;
    this.sortOrder = sortOrder;
  }

  public void update(Kind kind, Long areaId) {
    this.kind = kind;
    this.areaId = areaId;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public String getName() { return name; }
  public Kind getKind() { return kind; }
  public Long getAreaId() { return areaId; }
  public int getSortOrder() { return sortOrder; }
}
