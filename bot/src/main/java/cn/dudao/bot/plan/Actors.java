package cn.dudao.bot.plan;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a WeCom user or a console account into an {@link Actor}: his roster entry (see
 * {@link Roster#findMember(String, Long)} for which plan), his team, and the units whose contact he is
 * in that plan. The lead unit's contacts act as the county office.
 */
@Service
@Transactional(readOnly = true)
public class Actors {

  /** Console roles as the console's security configuration names them. */
  public static final String COUNTY_ADMIN = "COUNTY_ADMIN";
  public static final String TEAM_LEADER = "TEAM_LEADER";
  public static final String VIEWER = "VIEWER";
  public static final String UNIT_CONTACT = "UNIT_CONTACT";

  private final Roster roster;
  private final UnitContactRepository contacts;
  private final ResponsibleUnitRepository units;
  private final MemberRepository members;
  private final JdbcTemplate jdbc;

  public Actors(Roster roster, UnitContactRepository contacts, ResponsibleUnitRepository units,
                MemberRepository members, JdbcTemplate jdbc) {
    this.roster = roster;
    this.jdbc = jdbc;
    this.members = members;
    this.contacts = contacts;
    this.units = units;
  }

  /** The actor a WeCom user is, served from the plan {@link Roster} picks for him. */
  public Actor forWecomUser(String userId) {
    return forWecomUser(userId, null);
  }

  /** As {@link #forWecomUser(String)}, with the membership of the flow he is in pinned. */
  public Actor forWecomUser(String userId, Long pinnedMemberId) {
    if (userId == null || userId.isBlank()) {
      return Actor.unknown(Actor.wecom(String.valueOf(userId)));
    }
    Optional<Member> member = roster.findMember(userId, pinnedMemberId);
    if (member.isPresent()) {
      return forMember(member.get());
    }
    List<UnitContact> entries = contacts.findActiveByWecomUserId(userId);
    if (entries.isEmpty()) {
      return Actor.unknown(Actor.wecom(userId));
    }
    Long planId = units.findById(entries.get(0).getUnitId()).orElseThrow().getPlanId();
    return build(Actor.wecom(userId), entries.get(0).getName(), planId, null, userId);
  }

  /** The actor a roster entry is, with the units he is a contact of in the same plan. */
  public Actor forMember(Member member) {
    return build(Actor.wecom(member.getWecomUserId()), member.getName(), member.getPlanId(), member,
        member.getWecomUserId());
  }

  /**
   * The actor a console account is. County admins and viewers span all plans; a team leader's account
   * acts as the roster entry it is linked to (and, if it is linked to a unit of that plan too, as that
   * unit's contact), a unit contact's as the unit it is linked to; an account linked to the county
   * office's own unit acts as the county office; an account without its link is nobody.
   */
  public Actor forConsole(String username, Collection<String> roles, Long memberId, Long unitId) {
    String id = Actor.console(username);
    if (roles.contains(COUNTY_ADMIN)) {
      return Actor.countyOffice(id, username);
    }
    if (roles.contains(TEAM_LEADER) && memberId != null) {
      Optional<Member> member = members.findById(memberId);
      if (member.isPresent()) {
        Actor linked = forMember(member.get());
        // An account linked to a unit of the same plan as well holds both capacities.
        Optional<ResponsibleUnit> unit = linkedUnit(unitId).filter(u -> Objects.equals(u.getPlanId(), linked.planId()));
        Set<Long> unitIds = new HashSet<>(linked.unitIds());
        unit.ifPresent(u -> unitIds.add(u.getId()));
        Actor.Role role = unit.filter(Actors::countyOffice).isPresent() ? Actor.Role.COUNTY_OFFICE : linked.role();
        return new Actor(id, linked.name(), role, linked.planId(), linked.memberId(), linked.teamId(),
            linked.leads(), unitIds);
      }
    }
    if (roles.contains(UNIT_CONTACT)) {
      Optional<ResponsibleUnit> unit = linkedUnit(unitId);
      if (unit.isPresent()) {
        Actor.Role role = countyOffice(unit.get()) ? Actor.Role.COUNTY_OFFICE : Actor.Role.UNIT_CONTACT;
        return new Actor(id, username, role, unit.get().getPlanId(), null, null, false, Set.of(unitId));
      }
    }
    if (roles.contains(VIEWER)) {
      return Actor.viewer(id, username);
    }
    return Actor.unknown(id);
  }

  private Optional<ResponsibleUnit> linkedUnit(Long unitId) {
    return unitId == null ? Optional.empty() : units.findById(unitId);
  }

  /** The county office's own unit (县乡村振兴局): its contacts act as the county office. */
  private static boolean countyOffice(ResponsibleUnit unit) {
    return unit.getKind() == ResponsibleUnit.Kind.COUNTY_OFFICE;
  }

  private Actor build(String id, String name, long planId, Member member, String userId) {
    Set<Long> unitIds = Set.of();
    boolean countyOffice = false;
    if (userId != null) {
      // One plain query (this runs for every message): the units in this plan he is a contact of.
      List<Map.Entry<Long, String>> mine = jdbc.query("SELECT u.id, u.kind FROM unit_contacts c "
              + "JOIN units u ON u.id = c.unit_id JOIN plans p ON p.id = u.plan_id "
              + "WHERE p.active = TRUE AND c.wecom_user_id = ? AND u.plan_id = ?",
          (rs, i) -> Map.entry(rs.getLong(1), rs.getString(2)), userId, planId);
      unitIds = mine.stream().map(Map.Entry::getKey).collect(Collectors.toSet());
      countyOffice = mine.stream().anyMatch(u -> ResponsibleUnit.Kind.COUNTY_OFFICE.name().equals(u.getValue()));
    }
    Actor.Role role;
    if (countyOffice) {
      role = Actor.Role.COUNTY_OFFICE;
    } else if (member != null) {
      role = member.getRole().leads() ? Actor.Role.TEAM_LEADER : Actor.Role.INSPECTOR;
    } else {
      role = Actor.Role.UNIT_CONTACT;
    }
    return new Actor(id, name, role, planId, member == null ? null : member.getId(),
        member == null ? null : member.getTeamId(), member != null && member.getRole().leads(), unitIds);
  }
}
