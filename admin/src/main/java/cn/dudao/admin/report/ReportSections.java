package cn.dudao.admin.report;

import cn.dudao.admin.console.ConsoleTimes;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The report parts the county office edited, per plan ({@code report_sections}). */
@Component
class ReportSections {

  private final NamedParameterJdbcTemplate jdbc;
  private final Clock clock;

  ReportSections(DataSource dataSource, Clock clock) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.clock = clock;
  }

  /** Part number (1–5) → edited text. */
  Map<Integer, String> edited(long planId) {
    Map<Integer, String> parts = new HashMap<>();
    jdbc.query("SELECT part_no, body FROM report_sections WHERE plan_id = :plan", Map.of("plan", planId),
        rs -> {
          parts.put(rs.getInt("part_no"), rs.getString("body"));
        });
    return parts;
  }

  @Transactional
  void save(long planId, Map<Integer, String> bodies, String user) {
    for (Map.Entry<Integer, String> part : bodies.entrySet()) {
      Map<String, Object> params = Map.of("plan", planId, "part", part.getKey(), "body", part.getValue(),
          "user", user, "at", ConsoleTimes.stored(clock.instant()));
      int updated = jdbc.update("UPDATE report_sections SET body = :body, updated_by = :user, updated_at = :at"
          + " WHERE plan_id = :plan AND part_no = :part", params);
      if (updated == 0) {
        jdbc.update("INSERT INTO report_sections (plan_id, part_no, body, updated_by, updated_at)"
            + " VALUES (:plan, :part, :body, :user, :at)", params);
      }
    }
  }

  /** Forgets the edits: every part is generated from the data again. */
  @Transactional
  void reset(long planId) {
    jdbc.update("DELETE FROM report_sections WHERE plan_id = :plan", Map.of("plan", planId));
  }
}
