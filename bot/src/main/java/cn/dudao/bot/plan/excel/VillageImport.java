package cn.dudao.bot.plan.excel;

import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Team;
import cn.dudao.bot.plan.TeamRepository;
import cn.dudao.bot.plan.Village;
import cn.dudao.bot.plan.VillageRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * 村庄名单: villages by area, and which team supervises each area (team ↔ area assignment). New areas
 * and villages are added, an area's team and kind follow the file; nothing is removed. Every row of
 * one area must name the same team.
 */
@Component
class VillageImport implements SheetImport {

  private record AreaPlan(String name, Team team, Area.Kind kind, int firstRow) {}

  private final TeamRepository teams;
  private final AreaRepository areas;
  private final VillageRepository villages;

  VillageImport(TeamRepository teams, AreaRepository areas, VillageRepository villages) {
    this.teams = teams;
    this.areas = areas;
    this.villages = villages;
  }

  @Override
  public PlanSheet sheet() {
    return PlanSheet.VILLAGES;
  }

  @Override
  public Counts apply(long planId, SheetRows rows) {
    Map<String, Team> teamByName = teams.findByPlanIdOrderByNumber(planId).stream()
        .collect(Collectors.toMap(Team::getName, Function.identity()));
    Map<String, AreaPlan> areaPlans = new LinkedHashMap<>();
    Map<String, List<String>> villagesOf = new LinkedHashMap<>();
    SheetRows.Unique places = new SheetRows.Unique();
    for (SheetRows.Row row : rows.rows()) {
      boolean ok = rows.requireFilled(row) & rows.maxLength(row, "乡镇", 64) & rows.maxLength(row, "行政村", 64);
      Team team = teamByName.get(row.get("督导组"));
      if (!row.blank("督导组") && team == null) {
        rows.problem(row, "督导组", "未知督导组“" + row.get("督导组") + "”，本方案的督导组为："
            + String.join("、", teamByName.keySet()));
        ok = false;
      }
      Area.Kind kind = row.blank("乡镇类型") ? Area.Kind.TOWNSHIP : Area.Kind.ofLabel(row.get("乡镇类型")).orElse(null);
      if (kind == null) {
        rows.problem(row, "乡镇类型", "乡镇类型“" + row.get("乡镇类型") + "”无效，应为乡镇或景区");
        ok = false;
      }
      if (!ok) {
        continue;
      }
      String area = row.get("乡镇");
      AreaPlan earlier = areaPlans.putIfAbsent(area, new AreaPlan(area, team, kind, row.number()));
      if (earlier != null && (earlier.team() != team || earlier.kind() != kind)) {
        rows.problem(row, earlier.team() != team ? "督导组" : "乡镇类型", "同一乡镇“" + area + "”在第 "
            + earlier.firstRow() + " 行的督导组或类型与本行不同");
        continue;
      }
      if (places.firstTime(rows, row, "行政村", area + "/" + row.get("行政村"), "乡镇和行政村")) {
        villagesOf.computeIfAbsent(area, a -> new ArrayList<>()).add(row.get("行政村"));
      }
    }
    Counts counts = new Counts();
    if (!rows.ok()) {
      return counts;
    }
    Map<String, Area> existing = new HashMap<>();
    areas.findByPlanIdOrderBySortOrder(planId).forEach(a -> existing.put(a.getName(), a));
    int nextAreaOrder = existing.values().stream().mapToInt(Area::getSortOrder).max().orElse(-1) + 1;
    for (AreaPlan plan : areaPlans.values()) {
      Area area = existing.get(plan.name());
      if (area == null) {
        area = areas.save(new Area(planId, plan.team().getId(), plan.name(), plan.kind(), nextAreaOrder++));
      } else if (!Objects.equals(area.getTeamId(), plan.team().getId()) || area.getKind() != plan.kind()) {
        area.assignTeam(plan.team().getId(), plan.kind());
        counts.updated(true);
      }
      Map<String, Village> known = villages.findByAreaIdOrderBySortOrder(area.getId()).stream()
          .collect(Collectors.toMap(Village::getName, Function.identity()));
      int nextVillageOrder = known.values().stream().mapToInt(Village::getSortOrder).max().orElse(-1) + 1;
      for (String name : villagesOf.getOrDefault(plan.name(), List.of())) {
        if (known.containsKey(name)) {
          counts.updated(false);
        } else {
          villages.save(new Village(area.getId(), name, nextVillageOrder++));
          counts.created();
        }
      }
    }
    return counts;
  }
}
