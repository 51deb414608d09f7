package cn.dudao.admin.problems;

import cn.dudao.admin.console.ConsoleTimes;
import cn.dudao.bot.conversation.FlowCatalog;
import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.Node;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The history behind a problem: every answer given to its question and to the notes and photos that
 * describe it (changed answers included, the answers table keeps them), then the sign-off.
 */
@Component
class ProblemHistory {

  /** One step of the history. {@code superseded}: the answer was changed later. */
  record Step(Instant at, String who, String question, String answer, boolean superseded) {}

  /** The inspection's sign-off, if given. */
  record SignOff(String inspector, Instant at, String status) {}

  private final NamedParameterJdbcTemplate jdbc;
  private final FlowCatalog flows;

  ProblemHistory(DataSource dataSource, FlowCatalog flows) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    this.flows = flows;
  }

  List<Step> of(ProblemRow problem, String answerKey) {
    Set<String> keys = new LinkedHashSet<>(List.of(answerKey));
    Map<String, String> labels = new java.util.HashMap<>();
    flows.find(problem.flowId()).ifPresent(flow -> describe(flow, answerKey, keys, labels));
    List<Step> steps = new ArrayList<>();
    jdbc.query("""
        SELECT a.answer_key, a.display_text, a.is_current, a.answered_at, COALESCE(m.name, a.answered_by) AS who
        FROM answers a
        LEFT JOIN inspections i ON i.id = a.inspection_id
        LEFT JOIN members m ON m.plan_id = i.plan_id AND m.wecom_user_id = a.answered_by
        WHERE a.inspection_id = :inspection AND a.answer_key IN (:keys)
        ORDER BY a.id""", Map.of("inspection", problem.inspectionId(), "keys", keys), rs -> {
      String key = rs.getString("answer_key");
      steps.add(new Step(ConsoleTimes.instant(rs, "answered_at"), rs.getString("who"),
          labels.getOrDefault(key, key), rs.getString("display_text"), !rs.getBoolean("is_current")));
    });
    return steps;
  }

  SignOff signOff(long inspectionId) {
    return jdbc.query("SELECT confirmed_by, confirmed_at, status FROM inspections WHERE id = :id",
        Map.of("id", inspectionId), rs -> rs.next()
            ? new SignOff(rs.getString("confirmed_by"), ConsoleTimes.instant(rs, "confirmed_at"), rs.getString("status"))
            : null);
  }

  private static void describe(Flow flow, String answerKey, Set<String> keys, Map<String, String> labels) {
    try {
      Node question = flow.node(answerKey);
      labels.put(answerKey, question.label() == null ? answerKey : question.label());
    } catch (IllegalArgumentException notANode) {
      labels.put(answerKey, answerKey);
    }
    for (Node node : flow.describedBy(answerKey)) {
      keys.add(node.key());
      labels.put(node.key(), node.label() == null ? node.key() : node.label());
    }
  }
}
