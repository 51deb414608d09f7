package cn.dudao.flows.definition;

import java.math.BigDecimal;

/**
 * Type-specific limits of a question: numeric range and unit, decimal places, text length, and
 * the number of photos or selected options. Null means "no limit".
 */
public record Limits(BigDecimal min, BigDecimal max, String unit, Integer decimals,
                     Integer minLength, Integer maxLength, Integer minCount, Integer maxCount) {
  public static final Limits NONE = new Limits(null, null, null, null, null, null, null, null);
}
