package cn.dudao.bot.plan.excel;

import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Household;
import cn.dudao.bot.plan.HouseholdRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.UnitContact;
import cn.dudao.bot.plan.UnitContactRepository;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A plan's lists as rows of text in the templates' column order. */
@Component
@Transactional(readOnly = true)
class PlanRows {

  private final TeamRepository teams;
  private final MemberRepository members;
  private final AreaRepository areas;
  private final VillageRepository villages;
  private final HouseholdRepository households;
  private final ResponsibleUnitRepository units;
  private final UnitContactRepository contacts;

  PlanRows(TeamRepository teams, MemberRepository members, AreaRepository areas, VillageRepository villages,
           HouseholdRepository households, ResponsibleUnitRepository units, UnitContactRepository contacts) {
    this.teams = teams;
    this.members = members;
    this.areas = areas;
    this.villages = villages;
    this.households = households;
    this.units = units;
    this.contacts = contacts;
  }

  List<List<String>> of(long planId, PlanSheet sheet) {
    Map<Long, Team> teamById = teams.findByPlanIdOrderByNumber(planId).stream()
        .collect(Collectors.toMap(Team::getId, Function.identity()));
    List<Area> planAreas = areas.findByPlanIdOrderBySortOrder(planId);
    Map<Long, Area> areaById = planAreas.stream().collect(Collectors.toMap(Area::getId, Function.identity()));
    List<Village> planVillages = villages.findByAreaIdInOrderByAreaIdAscSortOrderAsc(areaById.keySet()).stream()
        .sorted(Comparator.comparingInt((Village v) -> areaById.get(v.getAreaId()).getSortOrder())
            .thenComparingInt(Village::getSortOrder))
        .toList();
    List<List<String>> rows = new ArrayList<>();
    switch (sheet) {
      case ROSTER -> {
        for (Member m : members.findByPlanIdOrderByTeamIdAscSortOrderAsc(planId)) {
          rows.add(List.of(teamById.get(m.getTeamId()).getName(), m.getName(), m.getRole().label(),
              nz(m.getPosition()), nz(m.getWecomUserId())));
        }
      }
      case VILLAGES -> {
        for (Village v : planVillages) {
          Area a = areaById.get(v.getAreaId());
          Team t = a.getTeamId() == null ? null : teamById.get(a.getTeamId());
          rows.add(List.of(t == null ? "" : t.getName(), a.getName(), a.getKind().label(), v.getName()));
        }
      }
      case HOUSEHOLDS -> {
        Map<Long, Village> villageById = planVillages.stream().collect(Collectors.toMap(Village::getId, Function.identity()));
        Map<Long, Integer> villageOrder = new java.util.HashMap<>();
        planVillages.forEach(v -> villageOrder.put(v.getId(), villageOrder.size()));
        List<Household> all = households.findByVillageIdIn(villageById.keySet()).stream()
            .sorted(Comparator.comparingInt((Household h) -> villageOrder.get(h.getVillageId()))
                .thenComparingInt(Household::getSortOrder).thenComparingLong(Household::getId))
            .toList();
        for (Household h : all) {
          Village v = villageById.get(h.getVillageId());
          rows.add(List.of(areaById.get(v.getAreaId()).getName(), v.getName(), h.getHeadName(), h.getIdNumberMasked(),
              h.getCategory().label(), Integer.toString(h.getSize()), yesNo(h.isMonitored()),
              h.getWarningLevel() == null ? "" : h.getWarningLevel().toString(), yesNo(h.isRiskEliminated())));
        }
      }
      case CONTACTS -> {
        List<ResponsibleUnit> planUnits = units.findByPlanIdOrderBySortOrderAscIdAsc(planId);
        Map<Long, ResponsibleUnit> unitById = planUnits.stream()
            .collect(Collectors.toMap(ResponsibleUnit::getId, Function.identity()));
        for (UnitContact c : contacts.findByUnitIdInOrderByUnitIdAscSortOrderAsc(unitById.keySet()).stream()
            .sorted(Comparator.comparingInt((UnitContact c) -> planUnits.indexOf(unitById.get(c.getUnitId())))
                .thenComparingInt(UnitContact::getSortOrder)).toList()) {
          ResponsibleUnit u = unitById.get(c.getUnitId());
          rows.add(List.of(u.getName(), u.getKind().label(), c.getName(), nz(c.getWecomUserId()), nz(c.getPhone())));
        }
      }
    }
    return rows;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static String yesNo(boolean b) {
    return b ? "是" : "否";
  }
}
