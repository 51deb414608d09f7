package cn.dudao.admin.security;

import java.util.Set;

/**
 * What a console user may see of a plan's work: everything (county office, viewers) or the work of
 * some teams (a team leader: his own). A responsible unit's contact sees no team's work; problems
 * assigned to his unit become visible to him once problems exist (issue 6).
 */
public record ConsoleScope(boolean everything, Set<Long> teamIds, Set<Long> unitIds, boolean mayEditReport) {

  public static final ConsoleScope NOTHING = new ConsoleScope(false, Set.of(), Set.of(), false);

  public ConsoleScope {
    teamIds = Set.copyOf(teamIds);
    unitIds = Set.copyOf(unitIds);
  }

  /** True when no team's work is visible (a unit contact sees only his unit's problems, if any). */
  public boolean noTeams() {
    return !everything && teamIds.isEmpty();
  }

  /** True when the work of {@code teamId} is visible. */
  public boolean coversTeam(Long teamId) {
    return everything || (teamId != null && teamIds.contains(teamId));
  }

  /** True when nothing at all is visible. */
  public boolean empty() {
    return noTeams() && unitIds.isEmpty();
  }
}
