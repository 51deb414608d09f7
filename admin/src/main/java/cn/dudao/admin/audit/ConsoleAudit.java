package cn.dudao.admin.audit;

import cn.dudao.admin.console.ConsoleTimes;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes console actions to {@code audit_events} (columns shared with issue 4's audit trail). Never
 * holds a password or a full ID number: actors are user names, targets are file or page names.
 */
@Service
public class ConsoleAudit {

  /** How an attempt ended (the same words as the bot's audit trail). */
  public enum Outcome { ALLOWED, DENIED, APPLIED, FAILED }

  public static final String LOGIN = "console.login";
  public static final String LOGOUT = "console.logout";
  public static final String EXPORT = "console.export";
  public static final String REPORT_EDIT = "console.report.edit";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ConsoleAudit(DataSource dataSource, Clock clock) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.clock = clock;
  }

  public void record(String actor, String action, String target, Outcome outcome, String detail) {
    jdbc.update("INSERT INTO audit_events (occurred_at, actor, action, target, outcome, detail) VALUES (?, ?, ?, ?, ?, ?)",
        ConsoleTimes.stored(clock.instant()), clip(actor, 128), clip(action, 64), clip(target, 200), outcome.name(),
        detail == null ? null : clip(detail, 1000));
  }

  private static String clip(String s, int max) {
    String v = s == null ? "" : s;
    return v.length() <= max ? v : v.substring(0, max - 1) + "…";
  }
}
