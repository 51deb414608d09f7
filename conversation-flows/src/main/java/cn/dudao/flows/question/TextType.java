package cn.dudao.flows.question;

import cn.dudao.flows.definition.Limits;
import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Problems;
import cn.dudao.flows.engine.Input;

/** {@code text}: free text, trimmed, within {@code min_length}..{@code max_length} characters. */
final class TextType implements QuestionType {
  static final int DEFAULT_MAX = 500;

  @Override
  public String name() {
    return "text";
  }

  @Override
  public void check(Node node, Problems problems, String path) {
    Limits l = node.limits();
    if (l.minLength() != null && l.maxLength() != null && l.minLength() > l.maxLength()) {
      problems.add(path + ".min_length", "不能大于 max_length");
    }
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    if (!(input instanceof Input.Text t)) {
      return new Reply.Rejected("本题需要文字回答。" + howTo(asked));
    }
    String text = t.text() == null ? "" : t.text().strip();
    int len = Texts.length(text);
    if (len < min(asked) || len > max(asked)) {
      return new Reply.Rejected("字数不符合要求（现在 " + len + " 字）。" + howTo(asked));
    }
    return new Reply.Accepted(text, text);
  }

  @Override
  public String howTo(Asked asked) {
    return "请直接回复文字（" + min(asked) + "-" + max(asked) + " 字）。";
  }

  private static int min(Asked asked) {
    Integer m = asked.node().limits().minLength();
    return m == null ? 1 : m;
  }

  private static int max(Asked asked) {
    Integer m = asked.node().limits().maxLength();
    return m == null ? DEFAULT_MAX : m;
  }
}
