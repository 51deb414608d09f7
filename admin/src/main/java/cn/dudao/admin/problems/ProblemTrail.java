package cn.dudao.admin.problems;

import cn.dudao.admin.console.ConsoleTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What happened to a problem, for its page: the units' reports and reviewers' rejections
 * ({@code problem_reports}) and the audit trail of every transition and edit (who, when, why), with
 * people's names where the roster, the unit contacts or the console accounts know them.
 */
@Component
class ProblemTrail {

  /** What the audit trail's action codes mean to people. */
  static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("problem open", "立项"),
      Map.entry("problem assign", "交办"), Map.entry("problem assign request", "交办（县督导办）"),
      Map.entry("problem acknowledge", "签收"), Map.entry("problem start", "开始整改"),
      Map.entry("problem submit", "提交整改情况"), Map.entry("problem approve", "复核通过（销号）"),
      Map.entry("problem reject", "驳回"), Map.entry("problem merge", "合并"),
      Map.entry("problem close", "县督导办销号"), Map.entry("problem edit", "修改表述"),
      Map.entry("problem reassign", "改派责任单位"), Map.entry("problem extend", "延长整改时限"));
  private static final Map<String, String> OUTCOMES = Map.of("DENIED", "拒绝", "REJECTED", "驳回", "FAILED", "失败");

  /** One entry of the audit trail. */
  record Step(Instant at, String who, String action, String outcome, String detail) {}

  /** A unit's report or a reviewer's rejection, with the photos it came with. */
  record Report(Instant at, String who, boolean rejection, String body, List<String> evidenceIds) {
    public String kind() {
      return rejection ? "驳回理由" : "整改情况";
    }
  }

  private final NamedParameterJdbcTemplate jdbc;

  ProblemTrail(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  List<Report> reports(long problemId) {
    return jdbc.query("""
        SELECT kind, body, evidence_ids, actor, actor_name, created_at FROM problem_reports
        WHERE problem_id = :id ORDER BY id""", Map.of("id", problemId), (rs, n) -> {
          String evidence = rs.getString("evidence_ids");
          String name = rs.getString("actor_name");
          return new Report(ConsoleTimes.instant(rs, "created_at"), name == null ? rs.getString("actor") : name,
              "REJECTION".equals(rs.getString("kind")), rs.getString("body"),
              evidence == null || evidence.isBlank() ? List.of() : List.of(evidence.split(",")));
        });
  }

  List<Step> audit(ProblemRow problem) {
    List<Step> steps = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    jdbc.query("SELECT occurred_at, actor, action, outcome, detail FROM audit_events WHERE target = :target"
        + " ORDER BY id", Map.of("target", problem.auditTarget()), rs -> {
          String action = rs.getString("action");
          String outcome = rs.getString("outcome");
          steps.add(new Step(ConsoleTimes.instant(rs, "occurred_at"),
              names.computeIfAbsent(rs.getString("actor"), a -> name(a, problem.planId())),
              ACTIONS.getOrDefault(action, action), OUTCOMES.getOrDefault(outcome, ""), rs.getString("detail")));
        });
    return steps;
  }

  /** "吕利平（wecom:lvliping）" where the actor's name is known, else the actor id. */
  private String name(String actor, long planId) {
    if (actor == null) {
      return "";
    }
    if (actor.startsWith("system:")) {
      return "督导助手（自动）";
    }
    List<String> found = List.of();
    if (actor.startsWith("wecom:")) {
      Map<String, Object> params = Map.of("user", actor.substring(6), "plan", planId);
      found = jdbc.queryForList("SELECT name FROM members WHERE plan_id = :plan AND wecom_user_id = :user", params,
          String.class);
      if (found.isEmpty()) {
        found = jdbc.queryForList("SELECT c.name FROM unit_contacts c JOIN units u ON u.id = c.unit_id"
            + " WHERE u.plan_id = :plan AND c.wecom_user_id = :user", params, String.class);
      }
    } else if (actor.startsWith("console:")) {
      found = jdbc.queryForList("SELECT display_name FROM console_users WHERE username = :user",
          Map.of("user", actor.substring(8)), String.class);
    }
    return found.isEmpty() ? actor : found.get(0) + "（" + actor + "）";
  }
}
