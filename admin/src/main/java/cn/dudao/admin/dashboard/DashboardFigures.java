package cn.dudao.admin.dashboard;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.security.ConsoleScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The figures of one plan as far as a scope reaches: progress of every team, area and village, findings
 * per category, signed inspections per flow. Read straight from the tables, a few queries per page.
 */
@Service
public class DashboardFigures {

  /** A signed inspection of one place: who signed it and when (the latest one counts). */
  record Signed(String inspector, Instant at) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final Indicators indicators;

  DashboardFigures(DataSource dataSource, Indicators indicators) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.indicators = indicators;
  }

  /** Every team of the plan in the scope, with its areas and villages. */
  public List<Progress.Team> progress(long planId, ConsoleScope scope) {
    Map<Long, Signed> villageChecks = signed(planId, Indicators.VILLAGE_CHECK, "village_id");
    Map<Long, Signed> areaChecks = signed(planId, Indicators.AREA_CHECK, "area_id");
    Map<Long, List<Progress.Village>> villagesByArea = new HashMap<>();
    jdbc.query("""
        SELECT v.id, v.area_id, v.name FROM villages v JOIN areas a ON a.id = v.area_id
        WHERE a.plan_id = :plan ORDER BY v.area_id, v.sort_order, v.id""", Map.of("plan", planId), rs -> {
      long id = rs.getLong("id");
      Signed s = villageChecks.get(id);
      villagesByArea.computeIfAbsent(rs.getLong("area_id"), k -> new ArrayList<>()).add(new Progress.Village(id,
          rs.getString("name"), s != null, s == null ? null : s.inspector(), s == null ? null : s.at()));
    });
    Map<Long, List<Progress.Area>> areasByTeam = new LinkedHashMap<>();
    jdbc.query("SELECT id, team_id, name FROM areas WHERE plan_id = :plan ORDER BY sort_order, id",
        Map.of("plan", planId), rs -> {
          long id = rs.getLong("id");
          long teamId = rs.getLong("team_id");
          Signed s = areaChecks.get(id);
          areasByTeam.computeIfAbsent(teamId, k -> new ArrayList<>()).add(new Progress.Area(id, rs.getString("name"),
              teamId, s != null, s == null ? null : s.inspector(), s == null ? null : s.at(),
              villagesByArea.getOrDefault(id, List.of())));
        });
    List<Progress.Team> teams = new ArrayList<>();
    jdbc.query("""
        SELECT t.id, t.name, (SELECT MIN(m.name) FROM members m WHERE m.team_id = t.id AND m.role = 'LEADER') AS leader
        FROM teams t WHERE t.plan_id = :plan ORDER BY t.team_no""", Map.of("plan", planId), rs -> {
      long id = rs.getLong("id");
      if (scope.covers(planId, id)) {
        teams.add(new Progress.Team(id, rs.getString("name"), rs.getString("leader"),
            areasByTeam.getOrDefault(id, List.of())));
      }
    });
    return teams;
  }

  /** Findings per category, every category listed (zero where none), in the seed's order. */
  public Map<String, Long> findingsByCategory(long planId, ConsoleScope scope) {
    Map<String, Long> counts = new LinkedHashMap<>();
    indicators.categories().forEach(c -> counts.put(c, 0L));
    Map<String, Object> params = new HashMap<>(Map.of("plan", planId));
    String teamCut = teamCut(planId, scope, params);
    if (teamCut == null) {
      return counts;
    }
    jdbc.query("""
        SELECT f.flow_id, f.indicator, f.category, COUNT(*) AS n FROM findings f JOIN members m ON m.id = f.member_id
        WHERE f.plan_id = :plan""" + teamCut + " GROUP BY f.flow_id, f.indicator, f.category", params, rs -> {
      counts.merge(indicators.categoryOf(rs.getString("flow_id"), rs.getString("indicator"), rs.getString("category")),
          rs.getLong("n"), Long::sum);
    });
    return counts;
  }

  /** Signed inspections per flow id. */
  public Map<String, Long> signedByFlow(long planId, ConsoleScope scope) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Object> params = new HashMap<>(Map.of("plan", planId));
    String teamCut = teamCut(planId, scope, params);
    if (teamCut == null) {
      return counts;
    }
    jdbc.query("""
        SELECT i.flow_id, COUNT(*) AS n FROM inspections i JOIN members m ON m.id = i.member_id
        WHERE i.plan_id = :plan AND i.status = 'CONFIRMED'""" + teamCut + " GROUP BY i.flow_id ORDER BY i.flow_id",
        params, rs -> {
          counts.put(rs.getString("flow_id"), rs.getLong("n"));
        });
    return counts;
  }

  private static String teamCut(long planId, ConsoleScope scope, Map<String, Object> params) {
    if (!scope.coversPlan(planId)) {
      return null;
    }
    if (scope.everything()) {
      return "";
    }
    if (scope.noTeams()) {
      return null;
    }
    params.put("teams", scope.teamIds());
    return " AND m.team_id IN (:teams)";
  }

  /** The latest signed inspection of a flow per place ({@code village_id} or {@code area_id}). */
  private Map<Long, Signed> signed(long planId, String flowId, String placeColumn) {
    Map<Long, Signed> signed = new HashMap<>();
    jdbc.query("SELECT " + placeColumn + " AS place, confirmed_by, confirmed_at FROM inspections"
        + " WHERE plan_id = :plan AND flow_id = :flow AND status = 'CONFIRMED' AND " + placeColumn + " IS NOT NULL"
        + " ORDER BY confirmed_at, id", Map.of("plan", planId, "flow", flowId), rs -> {
          signed.put(rs.getLong("place"), new Signed(rs.getString("confirmed_by"),
              ConsoleTimes.instant(rs, "confirmed_at")));
        });
    return signed;
  }
}
