package cn.dudao.bot.problem;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.plan.Target;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persists transitions: checks each against {@link ProblemTransitions}, moves the problem and writes
 * the audit entry (who, when, from → to, why) in the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class ProblemWorkflow {

  /** The actor id of transitions nobody pressed a button for (交办 on confirmation). */
  static final String SYSTEM = "system:dudao";

  /** Thrown when a transition is not allowed in the problem's state; the message is for the user (an
   * {@link IllegalStateException}, so callers outside the package can tell it from a bad argument). */
  static class NotAllowed extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NotAllowed(String message) {
      super(message);
    }
  }

  private final AuditLog audit;
  private final Clock clock;

  ProblemWorkflow(AuditLog audit, Clock clock) {
    this.audit = audit;
    this.clock = clock;
  }

  boolean allowed(Problem problem, ProblemTransitions.Transition transition) {
    return ProblemTransitions.next(problem.getStatus(), transition).isPresent();
  }

  void apply(Problem problem, ProblemTransitions.Transition transition, String actorId, String why) {
    ProblemStatus from = problem.getStatus();
    ProblemStatus to = ProblemTransitions.next(from, transition)
        .orElseThrow(() -> new NotAllowed("该问题当前状态为“" + from.label() + "”，不能进行此操作。"));
    problem.moveTo(to, clock.instant());
    String detail = from.label() + " → " + to.label() + (why == null || why.isBlank() ? "" : "：" + why);
    audit.record(actorId, transition.action(), label(problem), AuditEvent.Outcome.APPLIED, clip(detail));
  }

  /** Records a change that is not a transition (rewording, reassignment, a new deadline). */
  void note(Problem problem, String action, String actorId, String detail) {
    audit.record(actorId, action, label(problem), AuditEvent.Outcome.APPLIED, clip(detail));
  }

  static Target target(Problem p) {
    return Target.problem(p.getPlanId(), p.getId(), p.getTeamId(), p.getUnitId(), p.getMemberId());
  }

  static String label(Problem p) {
    return target(p).label();
  }

  private static String clip(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 999) + "…";
  }
}
