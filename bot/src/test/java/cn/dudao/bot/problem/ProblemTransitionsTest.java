package cn.dudao.bot.problem;

import static cn.dudao.bot.problem.ProblemStatus.ACKNOWLEDGED;
import static cn.dudao.bot.problem.ProblemStatus.ASSIGNED;
import static cn.dudao.bot.problem.ProblemStatus.AWAITING_REVIEW;
import static cn.dudao.bot.problem.ProblemStatus.CLOSED;
import static cn.dudao.bot.problem.ProblemStatus.MERGED;
import static cn.dudao.bot.problem.ProblemStatus.PENDING_ASSIGNMENT;
import static cn.dudao.bot.problem.ProblemStatus.RECTIFYING;
import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.problem.ProblemTransitions.Transition;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every (state, transition) pair of the rectification state machine, allowed or not. */
class ProblemTransitionsTest {

  private static final Map<ProblemStatus, Map<Transition, ProblemStatus>> EXPECTED = new EnumMap<>(ProblemStatus.class);

  static {
    EXPECTED.put(PENDING_ASSIGNMENT, Map.of(Transition.ASSIGN, ASSIGNED, Transition.MERGE, MERGED,
        Transition.CLOSE, CLOSED));
    EXPECTED.put(ASSIGNED, Map.of(Transition.ACKNOWLEDGE, ACKNOWLEDGED, Transition.MERGE, MERGED,
        Transition.CLOSE, CLOSED));
    EXPECTED.put(ACKNOWLEDGED, Map.of(Transition.START, RECTIFYING, Transition.MERGE, MERGED,
        Transition.CLOSE, CLOSED));
    EXPECTED.put(RECTIFYING, Map.of(Transition.SUBMIT, AWAITING_REVIEW, Transition.MERGE, MERGED,
        Transition.CLOSE, CLOSED));
    EXPECTED.put(AWAITING_REVIEW, Map.of(Transition.APPROVE, CLOSED, Transition.REJECT, RECTIFYING,
        Transition.MERGE, MERGED, Transition.CLOSE, CLOSED));
    EXPECTED.put(CLOSED, Map.of());
    EXPECTED.put(MERGED, Map.of());
  }

  @Test
  void everyPairIsEitherTheExpectedStepOrRefused() {
    int allowed = 0;
    for (ProblemStatus from : ProblemStatus.values()) {
      for (Transition t : Transition.values()) {
        Optional<ProblemStatus> expected = Optional.ofNullable(EXPECTED.get(from).get(t));
        assertThat(ProblemTransitions.next(from, t)).as(from + " --" + t + "->").isEqualTo(expected);
        allowed += expected.isPresent() ? 1 : 0;
      }
    }
    assertThat(allowed).isEqualTo(16);
    assertThat(EXPECTED).containsOnlyKeys(ProblemStatus.values());
  }

  @Test
  void theHappyPathWithOneRejectionEndsClosedAndNothingLeavesClosed() {
    ProblemStatus s = PENDING_ASSIGNMENT;
    for (Transition t : new Transition[] {Transition.ASSIGN, Transition.ACKNOWLEDGE, Transition.START,
        Transition.SUBMIT, Transition.REJECT, Transition.SUBMIT, Transition.APPROVE}) {
      s = ProblemTransitions.next(s, t).orElseThrow();
    }
    assertThat(s).isEqualTo(CLOSED);
    for (Transition t : Transition.values()) {
      assertThat(ProblemTransitions.next(CLOSED, t)).isEmpty();
    }
  }

  @Test
  void labelsAreTheCountysWords() {
    assertThat(java.util.Arrays.stream(ProblemStatus.values()).map(ProblemStatus::label))
        .containsExactly("待交办", "已交办", "已签收", "整改中", "待复核", "已销号", "已合并");
  }
}
