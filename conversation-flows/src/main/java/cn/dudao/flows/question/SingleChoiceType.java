package cn.dudao.flows.question;

import cn.dudao.flows.engine.Input;

/** {@code single_choice}: one option, by card press, number, key or label. */
final class SingleChoiceType implements QuestionType {

  @Override
  public String name() {
    return "single_choice";
  }

  @Override
  public boolean usesOptions() {
    return true;
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    String key = null;
    if (input instanceof Input.Choice c) {
      key = Choices.has(asked.options(), c.optionKey()) ? c.optionKey() : null;
    } else if (input instanceof Input.Text t) {
      key = Choices.match(Texts.fold(t.text()), asked.node().optionLookup(), asked.options());
    }
    if (key == null) {
      return new Reply.Rejected("没有这个选项。" + howTo(asked));
    }
    return new Reply.Accepted(key, Choices.label(asked.options(), key));
  }

  @Override
  public String howTo(Asked asked) {
    int n = asked.options().size();
    return n == 0 ? "当前没有可选项，请发送“退出”后联系管理员。"
        : "请回复序号（1-" + n + "）或选项名称，也可以直接点按钮。";
  }

  @Override
  public String display(Asked asked, Object value) {
    return Choices.label(asked.options(), String.valueOf(value));
  }
}
