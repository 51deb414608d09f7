package cn.dudao.flows.question;

import cn.dudao.flows.definition.OptionDef;
import cn.dudao.flows.engine.Input;
import java.util.List;
import java.util.Map;

/**
 * {@code confirm} (签字确认): {@code confirm} 确认 stores {@code true}; {@code change} 修改 is not an
 * answer but a request to go back, which the engine handles like 上一题.
 */
public final class ConfirmType implements QuestionType {
  /** The option key that sends the person back instead of confirming. */
  public static final String CHANGE = "change";
  private static final List<OptionDef> OPTIONS =
      List.of(new OptionDef("confirm", "确认", null), new OptionDef(CHANGE, "修改", null));
  private static final Map<String, String> WORDS = Map.of("1", "confirm", "确认", "confirm",
      "是", "confirm", "确定", "confirm", "签字确认", "confirm", "confirm", "confirm",
      "2", CHANGE, "修改", CHANGE, "change", CHANGE);

  @Override
  public String name() {
    return "confirm";
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
    String key = null;
    if (input instanceof Input.Choice c) {
      key = WORDS.get(c.optionKey());
    } else if (input instanceof Input.Text t) {
      key = WORDS.get(Texts.fold(t.text()).toLowerCase(java.util.Locale.ROOT));
    }
    if (key == null) {
      return new Reply.Rejected("请确认或修改。" + howTo(asked));
    }
    return key.equals(CHANGE) ? new Reply.Accepted(CHANGE, "修改") : new Reply.Accepted(Boolean.TRUE, "已确认");
  }

  @Override
  public String howTo(Asked asked) {
    return "请回复 1 签字确认，或回复 2 返回修改。";
  }

  @Override
  public String display(Asked asked, Object value) {
    return Boolean.TRUE.equals(value) ? "已确认" : "未确认";
  }

  @Override
  public List<String> optionKeys(Object value) {
    return List.of(Boolean.TRUE.equals(value) ? "confirm" : CHANGE);
  }
}
