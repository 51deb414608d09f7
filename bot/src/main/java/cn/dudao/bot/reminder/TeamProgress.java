package cn.dudao.bot.reminder;

import cn.dudao.bot.conversation.FlowCatalog;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A team's progress as reminders tell it: per area, its villages with and without a signed village
 * check, whether the area check is signed, and the findings recorded. Area checks count only where the
 * area-check flow is installed. Read with plain SQL: these are aggregates over several features' tables.
 */
@Component
class TeamProgress {

  /** Issue 3's 乡镇督导 flow; its signed inspections count as an area's check. */
  static final String AREA_CHECK = "area-check";

  /** One area of a team. */
  record AreaProgress(long areaId, String name, List<String> villagesLeft, int villages, boolean areaChecked,
                      long findings, long findingsToday) {
    int villagesDone() {
      return villages - villagesLeft.size();
    }
  }

  /** A team's areas, and its findings in all (household findings carry no area). */
  record Progress(List<AreaProgress> areas, long findings, long findingsToday) {
    List<String> villagesLeft() {
      return areas.stream().flatMap(a -> a.villagesLeft().stream()).toList();
    }

    List<String> areasLeft() {
      return areas.stream().filter(a -> !a.areaChecked()).map(AreaProgress::name).toList();
    }
  }

  private static final String CONFIRMED = "'CONFIRMED'";

  private final JdbcTemplate jdbc;
  private final boolean areaChecks;

  TeamProgress(JdbcTemplate jdbc, FlowCatalog catalog) {
    this.jdbc = jdbc;
    this.areaChecks = catalog.find(AREA_CHECK).isPresent();
  }

  boolean areaChecks() {
    return areaChecks;
  }

  /** Teams of the plan with a village (or area) not yet checked and signed. */
  String teamsWithWorkLeftSql() {
    String villages = "SELECT a.team_id FROM areas a JOIN villages v ON v.area_id = a.id"
        + " WHERE a.plan_id = ? AND a.team_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM inspections i"
        + " WHERE i.village_id = v.id AND i.plan_id = a.plan_id AND i.flow_id = '" + FlowCatalog.VILLAGE_CHECK
        + "' AND i.status = " + CONFIRMED + ")";
    String areas = " UNION SELECT a.team_id FROM areas a WHERE a.plan_id = ? AND a.team_id IS NOT NULL"
        + " AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.area_id = a.id AND i.plan_id = a.plan_id"
        + " AND i.flow_id = '" + AREA_CHECK + "' AND i.status = " + CONFIRMED + ")";
    return areaChecks ? villages + areas : villages;
  }

  /** Members (not team leaders) of teams with work left. */
  Set<Long> inspectorsWithWorkLeft(long planId) {
    String sql = "SELECT m.id FROM members m WHERE m.plan_id = ? AND m.role <> 'LEADER' AND m.team_id IN ("
        + teamsWithWorkLeftSql() + ")";
    Object[] args = areaChecks ? new Object[] {planId, planId, planId} : new Object[] {planId, planId};
    return new HashSet<>(jdbc.queryForList(sql, Long.class, args));
  }

  /** The team's areas in plan order; findings "today" are those recorded since {@code dayStart}. */
  Progress of(long planId, long teamId, Instant dayStart) {
    Map<Long, String> names = new LinkedHashMap<>();
    Map<Long, int[]> villageCounts = new LinkedHashMap<>();
    Map<Long, List<String>> left = new LinkedHashMap<>();
    jdbc.query("SELECT a.id, a.name, v.name, CASE WHEN EXISTS (SELECT 1 FROM inspections i WHERE i.village_id = v.id"
        + " AND i.plan_id = a.plan_id AND i.flow_id = ? AND i.status = " + CONFIRMED + ") THEN 1 ELSE 0 END"
        + " FROM areas a LEFT JOIN villages v ON v.area_id = a.id WHERE a.plan_id = ? AND a.team_id = ?"
        + " ORDER BY a.sort_order, a.id, v.sort_order, v.id", rs -> {
          long areaId = rs.getLong(1);
          names.putIfAbsent(areaId, rs.getString(2));
          left.putIfAbsent(areaId, new ArrayList<>());
          villageCounts.putIfAbsent(areaId, new int[1]);
          String village = rs.getString(3);
          if (village != null) {
            villageCounts.get(areaId)[0]++;
            if (rs.getInt(4) == 0) {
              left.get(areaId).add(rs.getString(2) + " " + village);
            }
          }
        }, FlowCatalog.VILLAGE_CHECK, planId, teamId);
    Set<Long> areasChecked = areaChecks ? new HashSet<>(jdbc.queryForList("SELECT DISTINCT area_id FROM inspections"
        + " WHERE plan_id = ? AND flow_id = ? AND status = " + CONFIRMED + " AND area_id IS NOT NULL", Long.class,
        planId, AREA_CHECK)) : Set.of();
    Map<Long, long[]> findings = new LinkedHashMap<>();
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    jdbc.query(con -> {
      var ps = con.prepareStatement("SELECT f.area_id, COUNT(*), SUM(CASE WHEN f.recorded_at >= ? THEN 1 ELSE 0 END)"
          + " FROM findings f JOIN members m ON m.id = f.member_id WHERE f.plan_id = ? AND m.team_id = ?"
          + " GROUP BY f.area_id");
      ps.setTimestamp(1, Timestamp.from(dayStart), utc);
      ps.setLong(2, planId);
      ps.setLong(3, teamId);
      return ps;
    }, rs -> {
      long area = rs.getLong(1);
      findings.put(rs.wasNull() ? 0L : area, new long[] {rs.getLong(2), rs.getLong(3)});
    });
    List<AreaProgress> areas = new ArrayList<>();
    names.forEach((id, name) -> {
      long[] f = findings.getOrDefault(id, new long[2]);
      areas.add(new AreaProgress(id, name, left.get(id), villageCounts.get(id)[0],
          !areaChecks || areasChecked.contains(id), f[0], f[1]));
    });
    long total = findings.values().stream().mapToLong(f -> f[0]).sum();
    long today = findings.values().stream().mapToLong(f -> f[1]).sum();
    return new Progress(areas, total, today);
  }
}
