package cn.dudao.admin.audit;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import org.springframework.stereotype.Service;

/**
 * The console's words for its audited actions (logins, logouts, exports, report edits), written through
 * the bot's {@link AuditLog}, the one owner of {@code audit_events}. Never holds a password or a full
 * ID number: actors are user names, targets are file or page names.
 */
@Service
public class ConsoleAudit {

  /** How an attempt ended (the bot's audit outcomes). */
  public enum Outcome { ALLOWED, DENIED, APPLIED, FAILED }

  public static final String LOGIN = "console.login";
  public static final String LOGOUT = "console.logout";
  public static final String EXPORT = "console.export";
  public static final String REPORT_EDIT = "console.report.edit";

  private final AuditLog audit;

  ConsoleAudit(AuditLog audit) {
    this.audit = audit;
  }

  public void record(String actor, String action, String target, Outcome outcome, String detail) {
    if (outcome == Outcome.DENIED) {
      audit.denied(actor, action, target, detail);
    } else {
      audit.record(actor, action, target, AuditEvent.Outcome.valueOf(outcome.name()), detail);
    }
  }
}
