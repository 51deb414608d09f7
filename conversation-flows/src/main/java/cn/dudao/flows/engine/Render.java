package cn.dudao.flows.engine;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.definition.OptionDef;
import cn.dudao.flows.engine.FlowEvent.Option;
import cn.dudao.flows.engine.FlowEvent.QuestionAsked;
import cn.dudao.flows.question.Asked;
import cn.dudao.flows.question.QuestionType;
import cn.dudao.flows.question.QuestionTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders questions, displays and help as Chinese plain text. */
final class Render {
  private Render() {}

  /** The question at {@code p} as it is put to the person, with its complete text rendering. */
  static QuestionAsked question(Run run, Position p) {
    Asked asked = asked(run, p);
    Node n = asked.node();
    QuestionType qt = QuestionTypes.of(n.type());
    String prompt = prompt(run, p);
    StringBuilder text = new StringBuilder(prompt.length() + 96).append(prompt);
    List<Option> options = asked.options();
    for (int i = 0; i < options.size(); i++) {
      text.append('\n').append(i + 1).append(". ").append(options.get(i).label());
    }
    Object former = run.answers.get(run.key(p));
    if (former != null) {
      text.append('\n').append(Words.FORMER).append(qt.display(asked, former));
    }
    if (n.skippable()) {
      text.append('\n').append(Words.SKIP_LINE);
    }
    text.append('\n').append(qt.howTo(asked));
    return new QuestionAsked(n.id(), n.type(), prompt, options, run.step, text.toString());
  }

  static String prompt(Run run, Position p) {
    Node n = run.flow.node(p.node());
    String prompt = n.prompt() == null ? "" : n.prompt().render(run.scope(p)).strip();
    return n.criterion() == null ? prompt : prompt + "\n" + n.criterion().strip();
  }

  static Asked asked(Run run, Position p) {
    Node n = run.flow.node(p.node());
    return new Asked(n, options(run, n), run.list(Run.PENDING));
  }

  static List<Option> options(Run run, Node n) {
    if (n.options().isEmpty() && n.optionsFrom() == null) {
      return List.of();
    }
    List<Option> out = new ArrayList<>(n.options().size() + 8);
    if (n.optionsFrom() != null && run.data(n.optionsFrom()) instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("key") != null) {
          Object label = m.get("label");
          out.add(new Option(String.valueOf(m.get("key")), String.valueOf(label == null ? m.get("key") : label)));
        } else if (o != null && !(o instanceof Map)) {
          out.add(new Option(String.valueOf(o), String.valueOf(o)));
        }
      }
    }
    for (OptionDef d : n.options()) {
      out.add(new Option(d.key(), d.label()));
    }
    return out;
  }

  /** The Chinese display of the answer stored at {@code p}. */
  static String display(Run run, Position p, Object value) {
    Node n = run.flow.node(p.node());
    QuestionType qt = QuestionTypes.find(n.type());
    if (qt == null) {
      String unit = n.limits().unit();
      return cn.dudao.flows.expr.Values.plain(value) + (unit == null ? "" : " " + unit);
    }
    return qt.display(asked(run, p), value);
  }
}
