package cn.dudao.admin.plan;

import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Household;
import cn.dudao.bot.plan.HouseholdRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.UnitContact;
import cn.dudao.bot.plan.UnitContactRepository;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the plan pages show, read in one transaction and shaped for the templates. */
@Component
@Transactional(readOnly = true)
class PlanPages {

  /** A team with its areas and people. */
  record TeamView(Team team, List<String> areas, List<Member> members) {}

  /** An area with its team and villages. */
  record AreaView(Area area, String team, List<String> villages) {}

  /** A unit with its contacts. */
  record UnitView(ResponsibleUnit unit, List<UnitContact> contacts) {}

  /** A household with where it lives. */
  record HouseholdView(Household household, String area, String village) {}

  /** Everything on a plan's page. */
  record Overview(Plan plan, List<TeamView> teams, List<AreaView> areas, List<UnitView> units, int villageCount,
                  long householdCount, int unlinkedPeople) {}

  static final int HOUSEHOLD_PAGE = 200;

  private final TeamRepository teams;
  private final MemberRepository members;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final HouseholdRepository households;
  private final ResponsibleUnitRepository units;
  private final UnitContactRepository contacts;

  PlanPages(TeamRepository teams, MemberRepository members, AreaRepository areas, VillageRepository villages,
            HouseholdRepository households, ResponsibleUnitRepository units, UnitContactRepository contacts) {
    this.teams = teams;
    this.members = members;
    this.areas = areas;
    this.villages = villages;
    this.households = households;
    this.units = units;
    this.contacts = contacts;
  }

  Overview overview(Plan plan) {
    List<Team> planTeams = teams.findByPlanIdOrderByNumber(plan.getId());
    Map<Long, Team> teamById = planTeams.stream().collect(Collectors.toMap(Team::getId, Function.identity()));
    List<Area> planAreas = areas.findByPlanIdOrderBySortOrder(plan.getId());
    List<Member> roster = members.findByPlanIdOrderByTeamIdAscSortOrderAsc(plan.getId());
    List<TeamView> teamViews = planTeams.stream().map(t -> new TeamView(t,
        planAreas.stream().filter(a -> t.getId().equals(a.getTeamId())).map(Area::getName).toList(),
        roster.stream().filter(m -> t.getId().equals(m.getTeamId())).toList())).toList();
    List<Village> planVillages = villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(
        planAreas.stream().map(Area::getId).toList());
    List<AreaView> areaViews = planAreas.stream().map(a -> new AreaView(a,
        a.getTeamId() == null ? "未分配" : teamById.get(a.getTeamId()).getName(),
        planVillages.stream().filter(v -> v.getAreaId().equals(a.getId())).map(Village::getName).toList())).toList();
    List<ResponsibleUnit> planUnits = units.findByPlanIdOrderBySortOrderAscIdAsc(plan.getId());
    List<UnitContact> unitContacts = contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(
        planUnits.stream().map(ResponsibleUnit::getId).toList());
    List<UnitView> unitViews = planUnits.stream().map(u -> new UnitView(u,
        unitContacts.stream().filter(c -> c.getUnitId().equals(u.getId())).toList())).toList();
    int unlinked = (int) (roster.stream().filter(m -> m.getWecomUserId() == null).count()
        + unitContacts.stream().filter(c -> c.getWecomUserId() == null).count());
    return new Overview(plan, teamViews, areaViews, unitViews, planVillages.size(),
        households.countByPlanId(plan.getId()), unlinked);
  }

  Page<HouseholdView> households(Plan plan, int page) {
    Page<Household> found = households.findByPlanId(plan.getId(), PageRequest.of(Math.max(0, page), HOUSEHOLD_PAGE));
    Map<Long, Area> areaById = areas.findByPlanIdOrderBySortOrder(plan.getId()).stream()
        .collect(Collectors.toMap(Area::getId, Function.identity()));
    Map<Long, Village> villageById = villages.findAllById(found.getContent().stream().map(Household::getVillageId)
        .distinct().toList()).stream().collect(Collectors.toMap(Village::getId, Function.identity()));
    List<HouseholdView> views = new ArrayList<>();
    for (Household h : found.getContent()) {
      Village v = villageById.get(h.getVillageId());
      views.add(new HouseholdView(h, areaById.get(v.getAreaId()).getName(), v.getName()));
    }
    return new org.springframework.data.domain.PageImpl<>(views, found.getPageable(), found.getTotalElements());
  }
}
