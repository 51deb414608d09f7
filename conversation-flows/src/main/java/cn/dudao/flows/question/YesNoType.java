package cn.dudao.flows.question;

import cn.dudao.flows.definition.OptionDef;
import java.util.List;
import java.util.Map;

/** {@code yes_no}: options {@code yes} 是 / {@code no} 否; the stored value is a Boolean. */
final class YesNoType extends TwoOptionType {

  YesNoType() {
    super(new OptionDef("yes", "是", null), new OptionDef("no", "否", null), Map.ofEntries(
        Map.entry("yes", "yes"), Map.entry("no", "no"), Map.entry("1", "yes"), Map.entry("2", "no"),
        Map.entry("是", "yes"), Map.entry("否", "no"), Map.entry("y", "yes"), Map.entry("n", "no"),
        Map.entry("是的", "yes"), Map.entry("对", "yes"), Map.entry("有", "yes"), Map.entry("不是", "no"),
        Map.entry("没有", "no"), Map.entry("无", "no"), Map.entry("不", "no"), Map.entry("否的", "no")));
  }

  @Override
  public String name() {
    return "yes_no";
  }

  @Override
  String rejection() {
    return "请回答“是”或“否”。";
  }

  @Override
  Reply accept(String key) {
    boolean yes = key.equals("yes");
    return new Reply.Accepted(yes, yes ? "是" : "否");
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
