package cn.dudao.flows.question;

import cn.dudao.flows.definition.OptionDef;
import cn.dudao.flows.engine.Input;
import java.util.List;
import java.util.Map;

/** {@code yes_no}: options {@code yes} 是 / {@code no} 否; the stored value is a Boolean. */
final class YesNoType implements QuestionType {
  private static final List<OptionDef> OPTIONS =
      List.of(new OptionDef("yes", "是", null), new OptionDef("no", "否", null));
  private static final Map<String, Boolean> WORDS = Map.ofEntries(
      Map.entry("1", true), Map.entry("2", false), Map.entry("是", true), Map.entry("否", false),
      Map.entry("yes", true), Map.entry("no", false), Map.entry("y", true), Map.entry("n", false),
      Map.entry("是的", true), Map.entry("对", true), Map.entry("有", true), Map.entry("不是", false),
      Map.entry("没有", false), Map.entry("无", false), Map.entry("不", false), Map.entry("否的", false));

  @Override
  public String name() {
    return "yes_no";
  }

  @Override
  public boolean usesOptions() {
    return true;
  }

  @Override
  public List<OptionDef> fixedOptions() {
    return OPTIONS;
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    Boolean value = null;
    if (input instanceof Input.Choice c) {
      value = "yes".equals(c.optionKey()) ? Boolean.TRUE : "no".equals(c.optionKey()) ? Boolean.FALSE : null;
    } else if (input instanceof Input.Text t) {
      value = WORDS.get(Texts.fold(t.text()).toLowerCase(java.util.Locale.ROOT));
    }
    if (value == null) {
      return new Reply.Rejected("请回答“是”或“否”。" + howTo(asked));
    }
    return new Reply.Accepted(value, value ? "是" : "否");
  }

  @Override
  public String howTo(Asked asked) {
    return "请回复 1（是）或 2（否），也可以直接点按钮。";
  }

  @Override
  public String display(Asked asked, Object value) {
    return Boolean.TRUE.equals(value) ? "是" : "否";
  }

  @Override
  public List<String> optionKeys(Object value) {
    return List.of(Boolean.TRUE.equals(value) ? "yes" : "no");
  }
}
