package cn.dudao.flows.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprTest {
  private final Map<String, Object> values = Map.of(
      "net_income", 24000L, "household_size", 4L, "monitoring_line", 6000L,
      "safe_water", "not_met", "risk_causes", List.of("因病", "因学"),
      "household", Map.of("key", "h1", "label", "张三"), "ratio", new BigDecimal("0.9"), "ok", true);
  private final Scope scope = values::get;

  private Object eval(String src) {
    return Expr.parse(src).eval(scope);
  }

  @Test
  void arithmeticAndComparison() {
    assertThat((BigDecimal) eval("net_income / household_size")).isEqualByComparingTo("6000");
    assertThat(eval("net_income / household_size < monitoring_line")).isEqualTo(false);
    assertThat(eval("net_income / household_size <= monitoring_line")).isEqualTo(true);
    assertThat((BigDecimal) eval("1 + 2 * 3 - -1")).isEqualByComparingTo("8");
    assertThat((BigDecimal) eval("(1 + 2) * 3 % 4")).isEqualByComparingTo("1");
    assertThat((BigDecimal) eval("round(10 / 3, 2)")).isEqualByComparingTo("3.33");
    assertThat(eval("ratio >= 0.9")).isEqualTo(true);
    assertThat(eval("min(1, 2) == 1 and max(1, 2) == 2 and abs(-3) == 3")).isEqualTo(true);
  }

  @Test
  void logicStringsListsAndNames() {
    assertThat(eval("safe_water == 'not_met'")).isEqualTo(true);
    assertThat(eval("safe_water != \"met\" && ok")).isEqualTo(true);
    assertThat(eval("not ok or safe_water == 'met'")).isEqualTo(false);
    assertThat(eval("!(ok)")).isEqualTo(false);
    assertThat(eval("'因病' in risk_causes")).isEqualTo(true);
    assertThat(eval("'因灾' in risk_causes")).isEqualTo(false);
    assertThat(eval("safe_water in ['met', 'not_met']")).isEqualTo(true);
    assertThat(eval("household.label")).isEqualTo("张三");
    assertThat(eval("len(risk_causes) == 2")).isEqualTo(true);
    assertThat(eval("answered(missing)")).isEqualTo(false);
  }

  @Test
  void missingValuesAreNullAndNeverThrow() {
    assertThat(eval("missing")).isNull();
    assertThat(eval("missing + 1")).isNull();
    assertThat(eval("missing > 1")).isEqualTo(false);
    assertThat(eval("missing == null")).isEqualTo(true);
    assertThat(eval("net_income / 0")).isNull();
    assertThat(eval("household.nothing.deeper")).isNull();
  }

  @Test
  void collectsNames() {
    Set<String> names = new LinkedHashSet<>();
    Expr.parse("net_income / household_size < monitoring_line and household.label != ''").collectNames(names);
    assertThat(names).containsExactly("net_income", "household_size", "monitoring_line", "household");
  }

  @Test
  void badExpressionsSayWhere() {
    assertThatThrownBy(() -> Expr.parse("a ==")).isInstanceOf(ExprException.class).hasMessageContaining("不完整");
    assertThatThrownBy(() -> Expr.parse("a b")).hasMessageContaining("多余");
    assertThatThrownBy(() -> Expr.parse("(a")).hasMessageContaining("缺少");
    assertThatThrownBy(() -> Expr.parse("exec('rm')")).hasMessageContaining("未知函数");
    assertThatThrownBy(() -> Expr.parse("a = 1")).hasMessageContaining("不认识的字符");
    assertThatThrownBy(() -> Expr.parse("'open")).hasMessageContaining("引号");
    assertThatThrownBy(() -> Expr.parse("")).hasMessageContaining("为空");
    assertThatThrownBy(() -> Expr.parse("round(1)")).hasMessageContaining("2 个参数");
  }

  @Test
  void canonicalNumbers() {
    assertThat(Values.canonical(new BigDecimal("1200.00"))).isEqualTo(1200L);
    assertThat(Values.canonical(12.5)).isEqualTo(new BigDecimal("12.5"));
    assertThat(Values.canonical(new BigDecimal("12.50"))).isEqualTo(new BigDecimal("12.5"));
    assertThat(Values.canonical(7)).isEqualTo(7L);
    assertThat(Values.canonical(0.0)).isEqualTo(0L);
  }
}
