package cn.dudao.admin.problems;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.admin.indicators.Indicators;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.bot.problem.ProblemColour;
import cn.dudao.bot.problem.ProblemStatus;
import cn.dudao.admin.security.ConsoleScope;
import cn.dudao.flows.definition.Flow;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
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
 * The problem list over the {@code problems} table: each problem with its finding (flow, answer, the
 * inspector's words), team, area, village and responsible unit. Filters and scope are applied in the
 * database ({@link ProblemConditions}), so an export of 100,000 rows streams with a bounded fetch size.
 */
@Component
class ProblemRecords implements ProblemSource {

  static final String FROM = """
       FROM problems p
      LEFT JOIN findings f ON f.id = p.finding_id
      """;
  private static final String SELECT = """
      SELECT p.id, p.plan_id, p.finding_id, p.inspection_id, f.flow_id, f.answer_key, p.indicator, p.category,
             f.display_text, f.description, p.wording, p.evidence_ids, p.subject, p.inspector_name,
             COALESCE(f.recorded_at, p.created_at) AS recorded_at, p.area_id, a.name AS area_name, p.village_id,
             v.name AS village_name, p.team_id, t.name AS team_name, p.unit_id, u.name AS unit_name, p.status,
             p.deadline, p.merged_into_id
      """ + FROM + """
      LEFT JOIN teams t ON t.id = p.team_id
      LEFT JOIN areas a ON a.id = p.area_id
      LEFT JOIN villages v ON v.id = p.village_id
      LEFT JOIN units u ON u.id = p.unit_id
      """;

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;
  private final ProblemConditions conditions;
  private final Indicators indicators;
  private final FlowCatalog flows;
  private final Clock clock;

  ProblemRecords(DataSource dataSource, ProblemConditions conditions, Indicators indicators, FlowCatalog flows,
                 Clock clock) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    JdbcTemplate fetching = new JdbcTemplate(dataSource);
    fetching.setFetchSize(500);
    this.streaming = new NamedParameterJdbcTemplate(fetching);
    this.conditions = conditions;
    this.indicators = indicators;
    this.flows = flows;
    this.clock = clock;
  }

  @Override
  public ProblemPage page(ProblemFilter filter, ConsoleScope scope, int page, int size) {
    Map<String, Object> params = new HashMap<>();
    LocalDate today = ProblemColour.today(clock);
    String where = conditions.where(filter, scope, today, params);
    if (where == null) {
      return new ProblemPage(List.of(), 0, 1, size);
    }
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + where, params, Long.class);
    long count = total == null ? 0 : total;
    int pages = (int) Math.max(1, (count + size - 1) / size);
    int current = Math.min(Math.max(1, page), pages);
    params.put("limit", size);
    params.put("offset", (current - 1) * size);
    List<ProblemRow> rows = jdbc.query(SELECT + where + " ORDER BY p.id LIMIT :limit OFFSET :offset", params,
        (rs, n) -> row(rs, today));
    return new ProblemPage(rows, count, current, size);
  }

  @Override
  public void forEach(ProblemFilter filter, ConsoleScope scope, Consumer<ProblemRow> each) {
    Map<String, Object> params = new HashMap<>();
    LocalDate today = ProblemColour.today(clock);
    String where = conditions.where(filter, scope, today, params);
    if (where != null) {
      streaming.query(SELECT + where + " ORDER BY p.id", params, rs -> {
        each.accept(row(rs, today));
      });
    }
  }

  @Override
  public Optional<ProblemRow> find(long id, ConsoleScope scope) {
    Map<String, Object> params = new HashMap<>();
    String cut = conditions.scope(scope, params);
    if (cut == null) {
      return Optional.empty();
    }
    params.put("id", id);
    LocalDate today = ProblemColour.today(clock);
    return jdbc.query(SELECT + " WHERE p.id = :id" + cut, params, (rs, n) -> row(rs, today)).stream().findFirst();
  }

  private ProblemRow row(ResultSet rs, LocalDate today) throws SQLException {
    String flowId = rs.getString("flow_id");
    String indicator = rs.getString("indicator");
    String evidence = rs.getString("evidence_ids");
    String flowKey = flowId == null ? "" : flowId; // a complaint's problem has no finding, hence no flow
    String category = indicators.categoryOf(flowKey, indicator, rs.getString("category"));
    ProblemStatus state = ProblemStatus.valueOf(rs.getString("status"));
    Date deadlineColumn = rs.getDate("deadline");
    LocalDate deadline = deadlineColumn == null ? null : deadlineColumn.toLocalDate();
    ProblemColour colour = deadline == null ? ProblemColour.NONE : ProblemColour.of(state, deadline, today);
    String wording = rs.getString("wording");
    String description = rs.getString("description");
    return new ProblemRow(rs.getLong("id"), rs.getLong("plan_id"), nullableLong(rs, "finding_id"),
        nullableLong(rs, "inspection_id"), flowId,
        flowId == null ? category : flows.find(flowId).map(Flow::title).orElse(flowId), rs.getString("answer_key"),
        indicator, indicators.nameOf(flowKey, indicator), category, nullableLong(rs, "team_id"),
        rs.getString("team_name"), nullableLong(rs, "area_id"), rs.getString("area_name"),
        nullableLong(rs, "village_id"), rs.getString("village_name"), rs.getString("subject"),
        rs.getString("display_text"), description == null ? wording : description, wording,
        evidence == null || evidence.isBlank() ? List.of() : Arrays.asList(evidence.split(",")),
        rs.getString("inspector_name"), ConsoleTimes.instant(rs, "recorded_at"), state, state.label(),
        colour == ProblemColour.NONE ? "" : colour.label(), nullableLong(rs, "unit_id"), rs.getString("unit_name"),
        deadline, nullableLong(rs, "merged_into_id"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
