package cn.dudao.flows.question;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.Problems;
import cn.dudao.flows.engine.FlowEvent.Option;
import cn.dudao.flows.engine.Input;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code multi_choice}: several options at once, as card selections or typed numbers, keys or labels
 * separated by commas, 、 or spaces. Stored as the list of keys in option order.
 */
final class MultiChoiceType implements QuestionType {

  @Override
  public String name() {
    return "multi_choice";
  }

  @Override
  public boolean usesOptions() {
    return true;
  }

  @Override
  public void check(Node node, Problems problems, String path) {
    Integer min = node.limits().minCount();
    Integer max = node.limits().maxCount();
    if (min != null && max != null && min > max) {
      problems.add(path + ".min_count", "不能大于 max_count");
    }
    if (!node.routes().isEmpty()) {
      problems.add(path + ".routes", "多选题不能按选项跳转，请用 branches");
    }
  }

  @Override
  public Reply parse(Asked asked, Input input) {
    Set<String> keys = new LinkedHashSet<>();
    if (input instanceof Input.MultiChoice m) {
      keys.addAll(m.optionKeys());
    } else if (input instanceof Input.Choice c) {
      keys.add(c.optionKey());
    } else if (input instanceof Input.Text t) {
      String folded = Texts.fold(t.text());
      if (!folded.equals("无") || min(asked) > 0) {
        for (String part : split(folded)) {
          String key = Choices.match(part, asked.node().optionLookup(), asked.options());
          if (key == null) {
            return new Reply.Rejected("没有选项 “" + part + "”。" + howTo(asked));
          }
          keys.add(key);
        }
      }
    } else {
      return new Reply.Rejected(howTo(asked));
    }
    List<String> ordered = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Option o : asked.options()) {
      if (keys.remove(o.key())) {
        ordered.add(o.key());
        labels.add(o.label());
      }
    }
    if (!keys.isEmpty()) {
      return new Reply.Rejected("没有这个选项。" + howTo(asked));
    }
    if (ordered.size() < min(asked) || ordered.size() > max(asked)) {
      return new Reply.Rejected("请选择 " + countText(asked) + "。" + howTo(asked));
    }
    return new Reply.Accepted(ordered, labels.isEmpty() ? "无" : String.join("、", labels));
  }

  private static List<String> split(String s) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || ",，、 ;；/".indexOf(s.charAt(i)) >= 0) {
        String part = s.substring(start, i).strip();
        if (!part.isEmpty()) {
          parts.add(part);
        }
        start = i + 1;
      }
    }
    return parts;
  }

  @Override
  public String howTo(Asked asked) {
    return "可多选：回复序号，用逗号或空格隔开（如 1,3），需选 " + countText(asked)
        + (min(asked) == 0 ? "；都不选请回复“无”" : "") + "。";
  }

  private String countText(Asked asked) {
    int min = min(asked);
    int max = max(asked);
    return min == max ? min + " 项" : max >= asked.options().size() ? "至少 " + min + " 项" : min + "-" + max + " 项";
  }

  @Override
  public String display(Asked asked, Object value) {
    if (!(value instanceof List<?> keys) || keys.isEmpty()) {
      return "无";
    }
    List<String> labels = new ArrayList<>();
    keys.forEach(k -> labels.add(Choices.label(asked.options(), String.valueOf(k))));
    return String.join("、", labels);
  }

  @Override
  public List<String> optionKeys(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> l) {
      l.forEach(o -> out.add(String.valueOf(o)));
    }
    return out;
  }

  private static int min(Asked asked) {
    Integer m = asked.node().limits().minCount();
    return m == null ? 1 : m;
  }

  private static int max(Asked asked) {
    Integer m = asked.node().limits().maxCount();
    return m == null ? Math.max(asked.options().size(), 1) : m;
  }
}
