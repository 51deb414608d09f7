package cn.dudao.bot.plan;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A township-level area (乡镇, or the scenic area that counts as one), assigned to one team. */
@Entity
@Table(name = "areas")
public class Area {

  /** Townships and the scenic area are supervised alike; the kind is kept for reports. */
  public enum Kind {
    TOWNSHIP("乡镇"), SCENIC_AREA("景区");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public static java.util.Optional<Kind> ofLabel(String label) {
      for (Kind k : values()) {
        if (k.label.equals(label)) {
          return java.util.Optional.of(k);
        }
      }
      return java.util.Optional.empty();
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long teamId;
  private String name;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private int sortOrder;

  protected Area() {
  }

  public Area(Long planId, Long teamId, String name, Kind kind, int sortOrder) {
    this.planId = planId;
    this.teamId = teamId;
    this.name = name;
    this.kind = kind;
    this.sortOrder = sortOrder;
  }

  /** Assigns the area to a team (team ↔ area assignment is data; an import may change it). */
  public void assignTeam(Long teamId, Kind kind) {
    this.teamId = teamId;
    this.kind = kind;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getTeamId() { return teamId; }
  public String getName() { return name; }
  public Kind getKind() { return kind; }
  public int getSortOrder() { return sortOrder; }
}
