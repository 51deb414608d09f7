package cn.dudao.admin.security;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A console account. The password hash never leaves this class in toString(). */
@Entity
@Table(name = "console_users")
public class ConsoleUser {

  /** 县乡村振兴局管理员, 督导组组长, 只读, 责任单位联系人. */
  public enum Role {
    COUNTY_ADMIN("县乡村振兴局管理员"), TEAM_LEADER("督导组组长"), VIEWER("只读用户"), UNIT_CONTACT("责任单位联系人");

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
  private String username;
  private String passwordHash;
  private String displayName;
  @Enumerated(EnumType.STRING)
  private Role role;
  private Long memberId;
  private Long unitId;
  private int failedAttempts;
  private Instant lockedUntil;
  private Instant createdAt;

  protected ConsoleUser() {
  }

  public ConsoleUser(String username, String passwordHash, String displayName, Role role, Long memberId, Long unitId,
                     Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.role = role;
    this.memberId = memberId;
    this.unitId = unitId;
    this.createdAt = createdAt;
  }

  /** Counts a failed login; after {@code maxAttempts} the account locks for {@code lockFor}. */
  void failedLogin(int maxAttempts, Duration lockFor, Instant now) {
    failedAttempts++;
    if (failedAttempts >= maxAttempts) {
      lockedUntil = now.plus(lockFor);
      failedAttempts = 0;
    }
  }

  void succeededLogin() {
    failedAttempts = 0;
    lockedUntil = null;
  }

  boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public Long getId() { return id; }
  public String getUsername() { return username; }
  String getPasswordHash() { return passwordHash; }
  public String getDisplayName() { return displayName; }
  public Role getRole() { return role; }
  public Long getMemberId() { return memberId; }
  public Long getUnitId() { return unitId; }
  public int getFailedAttempts() { return failedAttempts; }
  public Instant getLockedUntil() { return lockedUntil; }

  @Override
  public String toString() {
    return "ConsoleUser[" + username + ", " + role + "]";
  }
}
