package cn.dudao.bot.plan;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds {@link Target}s for the plan's own objects from their ids, with the facts Access decides by. */
@Service
@Transactional(readOnly = true)
public class Targets {

  private final TeamRepository teams;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final HouseholdRepository households;
  private final ResponsibleUnitRepository units;

  public Targets(TeamRepository teams, AreaRepository areas, VillageRepository villages,
                 HouseholdRepository households, ResponsibleUnitRepository units) {
    this.teams = teams;
    this.areas = areas;
    this.villages = villages;
    this.households = households;
    this.units = units;
  }

  public Target team(long teamId) {
    Team team = teams.findById(teamId).orElseThrow(() -> missing("team", teamId));
    return Target.team(team.getPlanId(), teamId);
  }

  public Target area(long areaId) {
    Area area = areas.findById(areaId).orElseThrow(() -> missing("area", areaId));
    return Target.area(area.getPlanId(), areaId, area.getTeamId());
  }

  public Target village(long villageId) {
    Village village = villages.findById(villageId).orElseThrow(() -> missing("village", villageId));
    Area area = areas.findById(village.getAreaId()).orElseThrow();
    return Target.village(area.getPlanId(), villageId, area.getTeamId());
  }

  public Target household(long householdId) {
    Household household = households.findById(householdId).orElseThrow(() -> missing("household", householdId));
    Target village = village(household.getVillageId());
    return Target.household(village.planId(), householdId, village.teamId());
  }

  public Target unit(long unitId) {
    ResponsibleUnit unit = units.findById(unitId).orElseThrow(() -> missing("unit", unitId));
    return Target.unit(unit.getPlanId(), unitId);
  }

  /** The team whose areas hold {@code villageId}, or null when the area is unassigned. */
  public Long teamOfVillage(long villageId) {
    return village(villageId).teamId();
  }

  private static IllegalArgumentException missing(String kind, long id) {
    return new IllegalArgumentException("no " + kind + " " + id);
  }
}
