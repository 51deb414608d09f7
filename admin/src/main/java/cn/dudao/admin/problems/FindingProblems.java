package cn.dudao.admin.problems;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.admin.indicators.ProblemCategorySql;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.flows.definition.Flow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The problem list over {@code findings}: every not-met answer of a confirmed inspection, with its
 * team (the inspector's), area and village, filtered in the database and cut to the user's scope.
 */
@Component
class FindingProblems implements ProblemSource {

  private static final String SELECT = """
      SELECT f.id, f.inspection_id, f.flow_id, f.answer_key, f.indicator, f.category, f.display_text, f.description,
             f.evidence_ids, f.subject, f.inspector_name, f.recorded_at, f.area_id, a.name AS area_name,
             f.village_id, v.name AS village_name, m.team_id, t.name AS team_name
      FROM findings f
      JOIN members m ON m.id = f.member_id
      LEFT JOIN teams t ON t.id = m.team_id
      LEFT JOIN areas a ON a.id = f.area_id
      LEFT JOIN villages v ON v.id = f.village_id
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final Indicators indicators;
  private final FlowCatalog flows;

  FindingProblems(DataSource dataSource, Indicators indicators, FlowCatalog flows) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    JdbcTemplate fetching = new JdbcTemplate(dataSource);
    fetching.setFetchSize(500);
    this.streaming = new NamedParameterJdbcTemplate(fetching);
    this.indicators = indicators;
    this.flows = flows;
  }

  @Override
  public boolean tracksRectification() {
    return false;
  }

  @Override
  public ProblemPage page(ProblemFilter filter, ConsoleScope scope, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, scope, params);
    if (where == null) {
      return new ProblemPage(List.of(), 0, 1, size);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*) FROM findings f JOIN members m ON m.id = f.member_id" + where,
        params, Long.class);
    int pages = (int) Math.max(1, ((total == null ? 0 : total) + size - 1) / size);
    int current = Math.min(Math.max(1, page), pages);
    params.put("limit", size);
    params.put("offset", (current - 1) * size);
    List<ProblemRow> rows = jdbc.query(SELECT + where + " ORDER BY f.id LIMIT :limit OFFSET :offset", params,
        (rs, n) -> row(rs));
    return new ProblemPage(rows, total == null ? 0 : total, current, size);
  }

  @Override
  public void forEach(ProblemFilter filter, ConsoleScope scope, Consumer<ProblemRow> each) {
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, scope, params);
    if (where != null) {
      streaming.query(SELECT + where + " ORDER BY f.id", params, rs -> {
        each.accept(row(rs));
      });
    }
  }

  @Override
  public Optional<ProblemRow> find(long id, ConsoleScope scope) {
    List<ProblemRow> rows = jdbc.query(SELECT + " WHERE f.id = :id", Map.of("id", id), (rs, n) -> row(rs));
    return rows.stream().findFirst().filter(r -> scope.coversTeam(r.teamId()));
  }

  /** The WHERE clause, or null when the scope lets nothing through. */
  private String where(ProblemFilter filter, ConsoleScope scope, Map<String, Object> params) {
    if (scope.noTeams()) {
      return null; // findings belong to no unit: a unit contact sees problems only once they are assigned
    }
    List<String> conditions = new ArrayList<>();
    conditions.add("f.plan_id = :plan");
    params.put("plan", filter.plan());
    if (!scope.everything()) {
      conditions.add("m.team_id IN (:scopeTeams)");
      params.put("scopeTeams", scope.teamIds());
    }
    if (filter.team() != null) {
      conditions.add("m.team_id = :team");
      params.put("team", filter.team());
    }
    if (filter.area() != null) {
      conditions.add("f.area_id = :area");
      params.put("area", filter.area());
    }
    if (filter.village() != null) {
      conditions.add("f.village_id = :village");
      params.put("village", filter.village());
    }
    if (filter.categoryOrNull() != null) {
      conditions.add(ProblemCategorySql.condition(indicators, filter.categoryOrNull(), params));
    }
    if (filter.indicatorOrNull() != null) {
      conditions.add("f.indicator = :indicator");
      params.put("indicator", filter.indicatorOrNull());
    }
    if (filter.inspector() != null) {
      conditions.add("f.member_id = :inspector");
      params.put("inspector", filter.inspector());
    }
    return " WHERE " + String.join(" AND ", conditions);
  }

  private ProblemRow row(ResultSet rs) throws SQLException {
    String flowId = rs.getString("flow_id");
    String indicator = rs.getString("indicator");
    String evidence = rs.getString("evidence_ids");
    return new ProblemRow(rs.getLong("id"), rs.getLong("inspection_id"), flowId,
        flows.find(flowId).map(Flow::title).orElse(flowId), rs.getString("answer_key"), indicator, indicators.nameOf(flowId, indicator),
        indicators.categoryOf(flowId, indicator, rs.getString("category")), nullableLong(rs, "team_id"),
        rs.getString("team_name"), nullableLong(rs, "area_id"), rs.getString("area_name"),
        nullableLong(rs, "village_id"), rs.getString("village_name"), rs.getString("subject"),
        rs.getString("display_text"), rs.getString("description"),
        evidence == null || evidence.isBlank() ? List.of() : Arrays.asList(evidence.split(",")),
        rs.getString("inspector_name"), ConsoleTimes.instant(rs, "recorded_at"), null, null, null, null);
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
