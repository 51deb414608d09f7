package cn.dudao.flows.question;

import cn.dudao.flows.definition.Limits;
import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Problems;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.expr.Values;
import java.math.BigDecimal;

/**
 * {@code integer}, {@code decimal} and {@code money} (元): a number within {@code min}..{@code max},
 * with at most {@code decimals} places (0 for integer, 2 for money). Stored as Long when integral,
 * otherwise BigDecimal.
 */
final class NumberType implements QuestionType {
  private final String name;
  private final int defaultDecimals;
  private final boolean money;

  NumberType(String name, int defaultDecimals, boolean money) {
    this.name = name;
    this.defaultDecimals = defaultDecimals;
    this.money = money;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void check(Node node, Problems problems, String path) {
    if (node.limits().decimals() != null && (defaultDecimals == 0 || money)) {
      problems.add(path + ".decimals", "类型 " + name + " 的小数位是固定的");
    }
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    if (!(input instanceof Input.Text t)) {
      return new Reply.Rejected("本题需要回复数字。" + howTo(asked));
    }
    Limits l = asked.node().limits();
    BigDecimal d = Numbers.parse(t.text(), unit(asked), money);
    if (d == null) {
      return new Reply.Rejected("没有看懂这个数字。" + howTo(asked));
    }
    if (d.stripTrailingZeros().scale() > decimals(asked)) {
      return new Reply.Rejected(decimals(asked) == 0 ? "请填整数。" + howTo(asked)
          : "最多 " + decimals(asked) + " 位小数。" + howTo(asked));
    }
    if (!Numbers.inRange(d, l)) {
      return new Reply.Rejected("数字超出范围（" + Numbers.range(l) + "）。" + howTo(asked));
    }
    Object value = Values.canonical(d);
    return new Reply.Accepted(value, display(asked, value));
  }

  @Override
  public String howTo(Asked asked) {
    String range = Numbers.range(asked.node().limits());
    String unit = unit(asked);
    StringBuilder sb = new StringBuilder(money ? "请回复金额（单位：元，如 12000 或 1.2万）" 
        : decimals(asked) == 0 ? "请回复整数" : "请回复数字");
    if (!money && unit != null) {
      sb.append("（单位：").append(unit).append('）');
    }
    if (!range.isEmpty()) {
      sb.append("，").append(range);
    }
    return sb.append('。').toString();
  }

  @Override
  public String display(Asked asked, Object value) {
    return Numbers.withUnit(value, unit(asked));
  }

  private String unit(Asked asked) {
    String unit = asked.node().limits().unit();
    return unit == null && money ? "元" : unit;
  }

  private int decimals(Asked asked) {
    Integer d = asked.node().limits().decimals();
    return d == null ? defaultDecimals : d;
  }
}
