package cn.dudao.flows.question;

import cn.dudao.flows.definition.OptionDef;
import java.util.List;
import java.util.Map;

/**
 * {@code confirm} (签字确认): {@code confirm} 确认 stores {@code true}; {@code change} 修改 is not an
 * answer but a request to go back, which the engine handles like 上一题.
 */
public final class ConfirmType extends TwoOptionType {
  /** The option key that sends the person back instead of confirming. */
  public static final String CHANGE = "change";
  private static final String CONFIRM = "confirm";

  public ConfirmType() {
    super(new OptionDef(CONFIRM, "确认", null), new OptionDef(CHANGE, "修改", null), Map.of("1", CONFIRM,
        "确认", CONFIRM, "是", CONFIRM, "确定", CONFIRM, "签字确认", CONFIRM, CONFIRM, CONFIRM,
        "2", CHANGE, "修改", CHANGE, CHANGE, CHANGE));
  }

  @Override
  public String name() {
    return "confirm";
  }

  @Override
  String rejection() {
    return "请确认或修改。";
  }

  @Override
  Reply accept(String key) {
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
    return List.of(Boolean.TRUE.equals(value) ? CONFIRM : CHANGE);
  }
}
