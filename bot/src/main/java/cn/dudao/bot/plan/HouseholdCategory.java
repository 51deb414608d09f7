package cn.dudao.bot.plan;

import java.util.Optional;

/** The monitoring categories of households: the seed's 四类户 and everyone else (一般农户). */
public enum HouseholdCategory {
  STABLE_LIFTED("一般脱贫户"),
  UNSTABLE_LIFTED("脱贫不稳定户"),
  MARGINAL("边缘易致贫户"),
  SUDDEN_HARDSHIP("突发严重困难户"),
  ORDINARY("一般农户");

  private final String label;

  HouseholdCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The category written in Chinese as in the templates; empty for anything else. */
  public static Optional<HouseholdCategory> ofLabel(String label) {
    for (HouseholdCategory c : values()) {
      if (c.label.equals(label)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** All labels, for error messages and templates. */
  public static String labels() {
    return String.join("、", java.util.Arrays.stream(values()).map(HouseholdCategory::label).toList());
  }
}
