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
 * A person on a team's roster (附件1): one membership of one plan. Known to WeCom by {@code wecomUserId},
 * which may be empty until the contact sync or an import fills it in; a person in two plans has two rows.
 */
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

    /** The role written as 组长, 副组长 or 组员; empty for anything else. */
    public static java.util.Optional<Role> ofLabel(String label) {
      for (Role role : values()) {
        if (role.label.equals(label)) {
          return java.util.Optional.of(role);
        }
      }
      return java.util.Optional.empty();
    }

    /** Leaders and deputies see their whole team's work. */
    public boolean leads() {
      return this != MEMBER;
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

  /** A roster row read with plain SQL ({@link Roster#memberships}); not managed by JPA, never changed. */
  static Member read(long id, long planId, Long teamId, String name, Role role, String position, String wecomUserId,
                     int sortOrder) {
    Member m = new Member(planId, teamId, name, role, position, wecomUserId, sortOrder);
    m.id = id;
    return m;
  }

  /** Moves the member to a team, role and position (a roster import updates rows in place). */
  public void assign(Long teamId, String name, Role role, String position, int sortOrder) {
    this.teamId = teamId;
    this.name = name;
    this.role = role;
    this.position = position;
    this.sortOrder = sortOrder;
  }

  /** Sets the WeCom user id (from an import or the contact sync). */
  public void linkWecom(String wecomUserId) {
    this.wecomUserId = wecomUserId;
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
