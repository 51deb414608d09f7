package cn.dudao.bot.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person on a team's roster (附件1), known to WeCom by {@code wecomUserId}. */
@Entity
@Table(name = "members")
public class Member {

  /** 组长, 副组长, 组员. */
  public enum Role {
    LEADER("组长"), DEPUTY("副组长"), MEMBER("组员");

    private final String label;

    Role(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long planId;
  private Long teamId;
  private String name;
  @Enumerated(EnumType.STRING)
  private Role role;
  private String position;
  @Column(name = "wecom_user_id")
  private String wecomUserId;
  private int sortOrder;

  protected Member() {
  }

  public Member(Long planId, Long teamId, String name, Role role, String position, String wecomUserId,
                int sortOrder) {
    this.planId = planId;
    this.teamId = teamId;
    this.name = name;
    this.role = role;
    this.position = position;
    this.wecomUserId = wecomUserId;
    this.sortOrder = sortOrder;
  }

  public Long getId() { return id; }
  public Long getPlanId() { return planId; }
  public Long getTeamId() { return teamId; }
  public String getName() { return name; }
  public Role getRole() { return role; }
  public String getPosition() { return position; }
  public String getWecomUserId() { return wecomUserId; }
  public int getSortOrder() { return sortOrder; }
}
