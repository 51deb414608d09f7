package cn.dudao.bot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemCardsTest {

  @Test
  void problemKeysRoundTripAndFlowKeysAreNotProblemKeys() {
    assertThat(ProblemCards.parse(ProblemCards.key(42, ProblemCards.ACK)))
        .contains(new ProblemCards.Press(42, "ack"));
    assertThat(ProblemCards.parse("a:3:met")).isEmpty();
    assertThat(ProblemCards.parse("m:3")).isEmpty();
    assertThat(ProblemCards.parse("p:x:ack")).isEmpty();
    assertThat(ProblemCards.parse("p:7")).isEmpty();
    assertThat(ProblemCards.parse(null)).isEmpty();
  }

  @Test
  void standardWordingIsTheIndicatorNameAndWhatTheInspectorWrote() {
    assertThat(ProblemIntake.wording("义务教育", "不达标", "一名儿童失学")).isEqualTo("义务教育：一名儿童失学");
    assertThat(ProblemIntake.wording("安全饮水", "否", "")).isEqualTo("安全饮水：否");
    assertThat(ProblemIntake.wording(null, null, null)).isEqualTo("督导发现问题不达标");
  }
}
