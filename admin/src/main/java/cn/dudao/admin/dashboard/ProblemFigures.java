package cn.dudao.admin.dashboard;

import cn.dudao.admin.problems.ProblemConditions;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.problem.ProblemColour;
import cn.dudao.bot.problem.ProblemStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The problem figures of one plan as far as a scope reaches, from the {@code problems} table: problems
 * by status (merged duplicates left out), open problems by warning colour today, and the overdue (red)
 * ones per team and per responsible unit.
 */
@Service
class ProblemFigures {

  /** The figures the dashboard shows. */
  record Figures(Map<String, Long> byStatus, Map<String, Long> byColour, Map<String, Long> overdueByTeam,
                 Map<String, Long> overdueByUnit) {
    long total() {
      return byStatus.values().stream().mapToLong(Long::longValue).sum();
    }

    long overdue() {
      return byColour.getOrDefault(ProblemColour.RED.label(), 0L);
    }
  }

  private final NamedParameterJdbcTemplate jdbc;
  private final ProblemConditions conditions;
  private final Clock clock;

  ProblemFigures(DataSource dataSource, ProblemConditions conditions, Clock clock) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.conditions = conditions;
    this.clock = clock;
  }

  Figures of(long planId, ConsoleScope scope) {
    Map<String, Long> byStatus = new LinkedHashMap<>();
    Map<String, Long> byColour = new LinkedHashMap<>();
    for (ProblemStatus s : ProblemStatus.values()) {
      if (s != ProblemStatus.MERGED) {
        byStatus.put(s.label(), 0L);
      }
    }
    for (ProblemColour c : List.of(ProblemColour.BLUE, ProblemColour.YELLOW, ProblemColour.RED)) {
      byColour.put(c.label(), 0L);
    }
    Map<String, Object> params = new HashMap<>(Map.of("plan", planId));
    String cut = conditions.scope(scope, params);
    if (cut == null) {
      return new Figures(byStatus, byColour, Map.of(), Map.of());
    }
    String where = " WHERE p.plan_id = :plan AND p.status <> 'MERGED'" + cut;
    jdbc.query("SELECT p.status, COUNT(*) AS n FROM problems p" + where + " GROUP BY p.status", params, rs -> {
      byStatus.put(ProblemStatus.valueOf(rs.getString("status")).label(), rs.getLong("n"));
    });
    LocalDate today = ProblemColour.today(clock);
    for (ProblemColour c : List.of(ProblemColour.BLUE, ProblemColour.YELLOW, ProblemColour.RED)) {
      Map<String, Object> p = new HashMap<>(params);
      Long n = jdbc.queryForObject("SELECT COUNT(*) FROM problems p" + where + " AND "
          + ProblemConditions.colour(c, today, p), p, Long.class);
      byColour.put(c.label(), n == null ? 0 : n);
    }
    Map<String, Object> red = new HashMap<>(params);
    String overdue = where + " AND " + ProblemConditions.colour(ProblemColour.RED, today, red);
    return new Figures(byStatus, byColour, grouped("""
        SELECT COALESCE(t.name, '（无督导组）') AS name, COUNT(*) AS n FROM problems p
        LEFT JOIN teams t ON t.id = p.team_id""" + overdue + " GROUP BY p.team_id, t.name, t.team_no"
        + " ORDER BY t.team_no", red), grouped("""
        SELECT COALESCE(u.name, '（未指定）') AS name, COUNT(*) AS n FROM problems p
        LEFT JOIN units u ON u.id = p.unit_id""" + overdue + " GROUP BY p.unit_id, u.name, u.sort_order"
        + " ORDER BY u.sort_order, p.unit_id", red));
  }

  private Map<String, Long> grouped(String sql, Map<String, Object> params) {
    Map<String, Long> counts = new LinkedHashMap<>();
    jdbc.query(sql, params, rs -> {
      counts.merge(rs.getString("name"), rs.getLong("n"), Long::sum);
    });
    return counts;
  }
}
