package cn.dudao.bot.plan;

import java.util.Set;

/**
 * Someone who wants to see or do something, as the plan knows him: his strongest role, the plan he
 * acts in (null for console accounts that span all plans), his roster entry and team if he has one,
 * and the units whose contact he is. A person can hold several capacities (a deputy leader who is also
 * his department's contact); {@link Access} grants what any of them allows.
 *
 * @param id       a stable name for the audit trail: {@code wecom:<userid>} or {@code console:<username>}
 * @param name     the person's name where known
 * @param role     the strongest role
 * @param planId   the plan he acts in, or null for all plans
 * @param memberId his roster entry in that plan, or null
 * @param teamId   his team in that plan, or null
 * @param leads    true for team leaders and deputies
 * @param unitIds  the units whose contact he is in that plan
 */
public record Actor(String id, String name, Role role, Long planId, Long memberId, Long teamId, boolean leads,
                    Set<Long> unitIds) {

  /** The roles the authorization matrix knows, strongest first. */
  public enum Role {
    /** The county office (县督导办 / the lead unit's contacts, console admins): everything. */
    COUNTY_OFFICE,
    /** A console account that may look at everything and change nothing. */
    VIEWER,
    /** A team leader or deputy: his team's areas and all of his team's work. */
    TEAM_LEADER,
    /** A team member: his team's areas, his own inspections. */
    INSPECTOR,
    /** A responsible unit's contact: the problems assigned to his unit. */
    UNIT_CONTACT,
    /** Anyone else: nothing. */
    UNKNOWN
  }

  public Actor {
    unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
  }

  /** Someone on no active roster and no unit's contact list. */
  public static Actor unknown(String id) {
    return new Actor(id, null, Role.UNKNOWN, null, null, null, false, Set.of());
  }

  /** A console account of the county office, across all plans. */
  public static Actor countyOffice(String id, String name) {
    return new Actor(id, name, Role.COUNTY_OFFICE, null, null, null, false, Set.of());
  }

  /** A read-only console account, across all plans. */
  public static Actor viewer(String id, String name) {
    return new Actor(id, name, Role.VIEWER, null, null, null, false, Set.of());
  }

  public static String wecom(String userId) {
    return "wecom:" + userId;
  }

  public static String console(String username) {
    return "console:" + username;
  }
}
