package cn.dudao.admin.audit;

import cn.dudao.admin.console.ConsoleTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit page: the newest entries of the audit trail first, filterable by actor and action. */
@Controller
@PreAuthorize("hasRole('COUNTY_ADMIN')")
class AuditController {

  static final int PAGE_SIZE = 100;
  private static final Map<String, String> ACTIONS = Map.of(ConsoleAudit.LOGIN, "登录控制台", ConsoleAudit.LOGOUT,
      "退出控制台", ConsoleAudit.EXPORT, "导出文件", ConsoleAudit.REPORT_EDIT, "编辑督导报告");
  private static final Map<String, String> OUTCOMES = Map.of("ALLOWED", "允许", "DENIED", "拒绝", "APPLIED", "完成",
      "REJECTED", "驳回", "FAILED", "失败");

  /** One line of the page. */
  record Entry(long id, Instant at, String actor, String action, String target, String outcome, String detail) {}

  private final NamedParameterJdbcTemplate jdbc;

  AuditController(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
  }

  @GetMapping("/audit")
  String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
               @RequestParam(defaultValue = "1") int page, Model model) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    Map<String, Object> params = new java.util.HashMap<>();
    if (actor != null && !actor.isBlank()) {
      where.append(" AND actor = :actor");
      params.put("actor", actor.strip());
    }
    if (action != null && !action.isBlank()) {
      where.append(" AND action = :action");
      params.put("action", action);
    }
    int current = Math.max(1, page);
    params.put("limit", PAGE_SIZE + 1);
    params.put("offset", (current - 1) * PAGE_SIZE);
    List<Entry> entries = new ArrayList<>();
    jdbc.query("SELECT id, occurred_at, actor, action, target, outcome, detail FROM audit_events" + where
        + " ORDER BY id DESC LIMIT :limit OFFSET :offset", params, rs -> {
          String code = rs.getString("action");
          entries.add(new Entry(rs.getLong("id"), ConsoleTimes.instant(rs, "occurred_at"), rs.getString("actor"),
              ACTIONS.getOrDefault(code, code), rs.getString("target"),
              OUTCOMES.getOrDefault(rs.getString("outcome"), rs.getString("outcome")), rs.getString("detail")));
        });
    model.addAttribute("hasNext", entries.size() > PAGE_SIZE);
    model.addAttribute("entries", entries.size() > PAGE_SIZE ? entries.subList(0, PAGE_SIZE) : entries);
    model.addAttribute("page", current);
    model.addAttribute("actor", actor == null ? "" : actor);
    model.addAttribute("action", action == null ? "" : action);
    model.addAttribute("actions", ACTIONS);
    return "audit";
  }
}
