package cn.dudao.bot.problem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The colour of an open problem by its deadline (督办 warning): blue from three days before the deadline,
 * yellow on the day, red when overdue, none before. Days are counted in Asia/Shanghai.
 */
public enum ProblemColour {
  NONE("正常"), BLUE("蓝色"), YELLOW("黄色"), RED("红色");

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** Days before its deadline from which a problem is blue. */
  public static final int BLUE_DAYS = 3;

  private final String label;

  ProblemColour(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ProblemColour of(LocalDate deadline, LocalDate today) {
    if (today.isAfter(deadline)) {
      return RED;
    }
    if (today.isEqual(deadline)) {
      return YELLOW;
    }
    return today.isBefore(deadline.minusDays(BLUE_DAYS)) ? NONE : BLUE;
  }

  /** The colour of a problem in {@code status}: closed and merged problems have none. */
  public static ProblemColour of(ProblemStatus status, LocalDate deadline, LocalDate today) {
    return status.open() ? of(deadline, today) : NONE;
  }

  public static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
