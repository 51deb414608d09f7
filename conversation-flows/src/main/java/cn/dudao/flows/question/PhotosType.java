package cn.dudao.flows.question;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Problems;
import cn.dudao.flows.engine.Input;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code photos}: {@code min_count}..{@code max_count} photos (default 1..9), sent one by one and
 * finished with “完成” (or automatically at the maximum). Stored as the list of evidence ids.
 */
final class PhotosType implements QuestionType {
  private static final Set<String> DONE = Set.of("完成", "好了", "发完了", "没有了", "结束", "ok", "OK");

  @Override
  public String name() {
    return "photos";
  }

  @Override
  public void check(Node node, Problems problems, String path) {
    if (min(node) > max(node)) {
      problems.add(path + ".min_count", "不能大于 max_count");
    }
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    List<String> pending = asked.pending();
    if (input instanceof Input.Photo photo) {
      List<String> more = new ArrayList<>(pending);
      more.add(photo.evidenceId());
      if (more.size() >= max(asked.node())) {
        return new Reply.Accepted(more, more.size() + " 张照片");
      }
      return new Reply.Collected(more, "已收到第 " + more.size() + " 张照片。"
          + (more.size() >= min(asked.node()) ? "还可以继续发，发完请回复“完成”。" : "请继续发送，至少 " + min(asked.node()) + " 张。"));
    }
    if (input instanceof Input.Text t && DONE.contains(Texts.fold(t.text()))) {
      if (pending.size() < min(asked.node())) {
        return new Reply.Rejected("还需要照片：已收到 " + pending.size() + " 张，至少 " + min(asked.node()) + " 张。");
      }
      return new Reply.Accepted(List.copyOf(pending), pending.size() + " 张照片");
    }
    return new Reply.Rejected("本题需要发送照片。" + howTo(asked));
  }

  @Override
  public String howTo(Asked asked) {
    Node n = asked.node();
    return "请拍照或从相册发送照片（" + (min(n) == 0 ? "可以不发" : "至少 " + min(n) + " 张") + "，最多 " + max(n)
        + " 张），发完后回复“完成”。";
  }

  @Override
  public String display(Asked asked, Object value) {
    return (value instanceof List<?> l ? l.size() : 0) + " 张照片";
  }

  @Override
  public List<String> optionKeys(Object value) {
    return List.of();
  }

  private static int min(Node n) {
    return n.limits().minCount() == null ? 1 : n.limits().minCount();
  }

  private static int max(Node n) {
    return n.limits().maxCount() == null ? 9 : n.limits().maxCount();
  }
}
