package cn.dudao.admin.console;

import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A plan's teams, areas, villages and people as far as a console user's scope reaches, for lists and filters. */
@Component
@Transactional(readOnly = true)
public class PlanChoices {

  /** A village with its area's name, for lists. */
  public record VillageChoice(long id, long areaId, String areaName, String name) {
    public String label() {
      return areaName + " " + name;
    }
  }

  private final TeamRepository teams;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final MemberRepository members;

  PlanChoices(TeamRepository teams, AreaRepository areas, VillageRepository villages, MemberRepository members) {
    this.teams = teams;
    this.areas = areas;
    this.villages = villages;
    this.members = members;
  }

  public List<Team> teams(long planId, ConsoleScope scope) {
    return teams.findByPlanIdOrderByNumber(planId).stream().filter(t -> scope.covers(planId, t.getId())).toList();
  }

  public List<Area> areas(long planId, ConsoleScope scope) {
    return areas.findByPlanIdOrderBySortOrder(planId).stream().filter(a -> scope.covers(planId, a.getTeamId()))
        .toList();
  }

  public List<VillageChoice> villages(long planId, ConsoleScope scope) {
    Map<Long, Area> byId = areas(planId, scope).stream().collect(Collectors.toMap(Area::getId, Function.identity()));
    if (byId.isEmpty()) {
      return List.of();
    }
    return villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(byId.keySet()).stream()
        .sorted(java.util.Comparator.comparingInt((Village v) -> byId.get(v.getAreaId()).getSortOrder())
            .thenComparingInt(Village::getSortOrder))
        .map(v -> new VillageChoice(v.getId(), v.getAreaId(), byId.get(v.getAreaId()).getName(), v.getName()))
        .toList();
  }

  public List<Member> people(long planId, ConsoleScope scope) {
    return members.findByPlanIdOrderByTeamIdAscSortOrderAsc(planId).stream()
        .filter(m -> scope.covers(planId, m.getTeamId())).toList();
  }
}
