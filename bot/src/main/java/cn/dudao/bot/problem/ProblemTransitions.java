package cn.dudao.bot.problem;

import static cn.dudao.bot.problem.ProblemStatus.ACKNOWLEDGED;
import static cn.dudao.bot.problem.ProblemStatus.ASSIGNED;
import static cn.dudao.bot.problem.ProblemStatus.AWAITING_REVIEW;
import static cn.dudao.bot.problem.ProblemStatus.CLOSED;
import static cn.dudao.bot.problem.ProblemStatus.MERGED;
import static cn.dudao.bot.problem.ProblemStatus.PENDING_ASSIGNMENT;
import static cn.dudao.bot.problem.ProblemStatus.RECTIFYING;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rectification state machine as a table, nothing else: 待交办 → 已交办 → 已签收 → 整改中 → 待复核 →
 * 已销号, 驳回 from 待复核 back to 整改中, merging an open duplicate into another problem, and the county
 * office's own 销号 of any open problem (with a reason, from the console).
 */
public final class ProblemTransitions {

  /** What can happen to a problem, with the audit trail's action name. */
  public enum Transition {
    /** 交办: the notice goes to the responsible unit. */
    ASSIGN("problem assign"),
    /** 签收: the unit acknowledges the notice. */
    ACKNOWLEDGE("problem acknowledge"),
    /** The unit starts its report (提交整改情况): rectification is under way. */
    START("problem start"),
    /** The unit's report is in: waiting for the inspector. */
    SUBMIT("problem submit"),
    /** 通过: closed (销号). */
    APPROVE("problem approve"),
    /** 驳回: back to rectification with a new deadline. */
    REJECT("problem reject"),
    /** A duplicate folded into another problem. */
    MERGE("problem merge"),
    /** 销号 by the county office (console), from any open state, with a reason. */
    CLOSE("problem close");

    private final String action;

    Transition(String action) {
      this.action = action;
    }

    public String action() {
      return action;
    }
  }

  private static final Map<ProblemStatus, Map<Transition, ProblemStatus>> TABLE = new EnumMap<>(ProblemStatus.class);

  static {
    for (ProblemStatus s : ProblemStatus.values()) {
      TABLE.put(s, new EnumMap<>(Transition.class));
    }
    TABLE.get(PENDING_ASSIGNMENT).put(Transition.ASSIGN, ASSIGNED);
    TABLE.get(ASSIGNED).put(Transition.ACKNOWLEDGE, ACKNOWLEDGED);
    TABLE.get(ACKNOWLEDGED).put(Transition.START, RECTIFYING);
    TABLE.get(RECTIFYING).put(Transition.SUBMIT, AWAITING_REVIEW);
    TABLE.get(AWAITING_REVIEW).put(Transition.APPROVE, CLOSED);
    TABLE.get(AWAITING_REVIEW).put(Transition.REJECT, RECTIFYING);
    for (ProblemStatus s : ProblemStatus.values()) {
      if (s.open()) {
        TABLE.get(s).put(Transition.MERGE, MERGED);
        TABLE.get(s).put(Transition.CLOSE, CLOSED);
      }
    }
  }

  private ProblemTransitions() {
  }

  /** The state {@code transition} leads to from {@code from}, or empty when it is not allowed there. */
  public static Optional<ProblemStatus> next(ProblemStatus from, Transition transition) {
    return Optional.ofNullable(TABLE.get(from).get(transition));
  }
}
