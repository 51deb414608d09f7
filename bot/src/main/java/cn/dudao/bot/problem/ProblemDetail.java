package cn.dudao.bot.problem;

import cn.dudao.bot.audit.AuditEvent;
import java.util.List;

/**
 * A problem with everything that happened to it: the unit's reports and reviewers' rejections, and the
 * audit trail of its transitions and edits (who, when, why).
 */
public record ProblemDetail(ProblemView view, List<ProblemReport> reports, List<AuditEvent> history) {
}
