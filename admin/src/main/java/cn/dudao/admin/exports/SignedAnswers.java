package cn.dudao.admin.exports;

import cn.dudao.admin.console.ConsoleTimes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The signed (签字确认) inspection of a place and its current answers: what 附件2 and 附件3 are filled
 * from. When a place was inspected twice, the latest signature counts.
 */
@Component
public class SignedAnswers {

  /** A signed inspection: who signed it, when, and answer key → the answer as shown to people. */
  public record Signed(long inspectionId, String inspector, Instant at, String subject, Map<String, String> answers,
                       Map<String, String> values) {
    public String answer(String key) {
      return answers.getOrDefault(key, "");
    }

    /** The stored value (JSON) of an answer, e.g. a photo answer's evidence ids. */
    public String value(String key) {
      return values.getOrDefault(key, "");
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  SignedAnswers(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  /** The latest signed area check of an area. */
  public Optional<Signed> ofArea(long planId, String flowId, long areaId) {
    return latest(planId, flowId, "area_id", areaId);
  }

  /** The latest signed village check of a village. */
  public Optional<Signed> ofVillage(long planId, String flowId, long villageId) {
    return latest(planId, flowId, "village_id", villageId);
  }

  /** Every signed inspection of a flow in a plan, oldest first. */
  public List<Signed> all(long planId, String flowId) {
    List<Long> ids = jdbc.queryForList("""
        SELECT id FROM inspections WHERE plan_id = :plan AND flow_id = :flow AND status = 'CONFIRMED'
        ORDER BY confirmed_at, id""", Map.of("plan", planId, "flow", flowId), Long.class);
    return ids.stream().map(this::load).flatMap(Optional::stream).toList();
  }

  private Optional<Signed> latest(long planId, String flowId, String column, long placeId) {
    List<Long> ids = jdbc.queryForList("SELECT id FROM inspections WHERE plan_id = :plan AND flow_id = :flow"
        + " AND status = 'CONFIRMED' AND " + column + " = :place ORDER BY confirmed_at DESC, id DESC",
        Map.of("plan", planId, "flow", flowId, "place", placeId), Long.class);
    return ids.isEmpty() ? Optional.empty() : load(ids.get(0));
  }

  private Optional<Signed> load(long inspectionId) {
    Map<String, String> answers = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    jdbc.query("SELECT answer_key, display_text, value_json FROM answers WHERE inspection_id = :id AND is_current = TRUE"
        + " ORDER BY id", Map.of("id", inspectionId), rs -> {
          answers.put(rs.getString("answer_key"), rs.getString("display_text"));
          values.put(rs.getString("answer_key"), rs.getString("value_json"));
        });
    return jdbc.query("SELECT confirmed_by, confirmed_at, subject FROM inspections WHERE id = :id",
        Map.of("id", inspectionId), rs -> rs.next() ? Optional.of(new Signed(inspectionId, rs.getString("confirmed_by"),
            ConsoleTimes.instant(rs, "confirmed_at"), rs.getString("subject"), answers, values)) : Optional.empty());
  }
}
