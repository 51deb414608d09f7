package cn.dudao.admin.security;

import java.util.Set;

/**
 * What a console user may see: in which plans (every plan for the county office's console admins and
 * viewers, his own plan for an account bound to one), and of a plan's work everything (county office,
 * viewers) or the work of some teams (a team leader: his own). A responsible unit's contact sees no
 * team's work; problems assigned to his unit become visible to him once problems exist (issue 6).
 *
 * @param planIds the plans he may see; null for every plan, empty for none
 */
public record ConsoleScope(Set<Long> planIds, boolean everything, Set<Long> teamIds, Set<Long> unitIds,
                           boolean mayEditReport) {

  public static final ConsoleScope NOTHING = new ConsoleScope(Set.of(), false, Set.of(), Set.of(), false);

  public ConsoleScope {
    planIds = planIds == null ? null : Set.copyOf(planIds);
    teamIds = Set.copyOf(teamIds);
    unitIds = Set.copyOf(unitIds);
  }

  /** True when the user sees every plan (console admins and viewers). */
  public boolean allPlans() {
    return planIds == null;
  }

  /** True when {@code planId} is one of the plans the user may see. */
  public boolean coversPlan(Long planId) {
    return planId != null && (planIds == null || planIds.contains(planId));
  }

  /** True when no team's work is visible (a unit contact sees only his unit's problems, if any). */
  public boolean noTeams() {
    return !everything && teamIds.isEmpty();
  }

  /** True when the work of {@code teamId} is visible (within the plans he may see). */
  public boolean coversTeam(Long teamId) {
    return everything || (teamId != null && teamIds.contains(teamId));
  }

  /** True when the work of {@code teamId} in plan {@code planId} is visible: an object found by its id. */
  public boolean covers(Long planId, Long teamId) {
    return coversPlan(planId) && coversTeam(teamId);
  }

  /** True when nothing at all is visible. */
  public boolean empty() {
    return (noTeams() && unitIds.isEmpty()) || (planIds != null && planIds.isEmpty());
  }
}
