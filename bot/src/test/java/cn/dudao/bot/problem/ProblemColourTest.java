package cn.dudao.bot.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProblemColourTest {

  private static final LocalDate DEADLINE = LocalDate.of(2021, 11, 20);

  @Test
  void noneUntilThreeDaysBeforeThenBlueThenYellowOnTheDayThenRed() {
    assertThat(ProblemColour.of(DEADLINE, LocalDate.of(2021, 11, 1))).isEqualTo(ProblemColour.NONE);
    assertThat(ProblemColour.of(DEADLINE, LocalDate.of(2021, 11, 16))).isEqualTo(ProblemColour.NONE);
    assertThat(ProblemColour.of(DEADLINE, LocalDate.of(2021, 11, 17))).isEqualTo(ProblemColour.BLUE);
    assertThat(ProblemColour.of(DEADLINE, LocalDate.of(2021, 11, 19))).isEqualTo(ProblemColour.BLUE);
    assertThat(ProblemColour.of(DEADLINE, DEADLINE)).isEqualTo(ProblemColour.YELLOW);
    assertThat(ProblemColour.of(DEADLINE, LocalDate.of(2021, 11, 21))).isEqualTo(ProblemColour.RED);
    assertThat(ProblemColour.of(DEADLINE, LocalDate.of(2022, 1, 1))).isEqualTo(ProblemColour.RED);
  }

  @Test
  void closedAndMergedProblemsHaveNoColourEvenWhenLate() {
    LocalDate late = LocalDate.of(2021, 12, 1);
    assertThat(ProblemColour.of(ProblemStatus.CLOSED, DEADLINE, late)).isEqualTo(ProblemColour.NONE);
    assertThat(ProblemColour.of(ProblemStatus.MERGED, DEADLINE, late)).isEqualTo(ProblemColour.NONE);
    assertThat(ProblemColour.of(ProblemStatus.AWAITING_REVIEW, DEADLINE, late)).isEqualTo(ProblemColour.RED);
  }

  @Test
  void todayIsTheDateInShanghaiNotUtc() {
    // 2021-11-20 17:00 UTC is already 2021-11-21 01:00 in Shanghai: overdue there.
    Clock clock = Clock.fixed(Instant.parse("2021-11-20T17:00:00Z"), ZoneOffset.UTC);
    assertThat(ProblemColour.today(clock)).isEqualTo(LocalDate.of(2021, 11, 21));
    assertThat(ProblemColour.of(DEADLINE, ProblemColour.today(clock))).isEqualTo(ProblemColour.RED);
    Clock before = Clock.fixed(Instant.parse("2021-11-20T15:59:59Z"), ZoneOffset.UTC);
    assertThat(ProblemColour.of(DEADLINE, ProblemColour.today(before))).isEqualTo(ProblemColour.YELLOW);
  }
}
