package cn.dudao.flows.testing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.engine.ConversationState;
import cn.dudao.flows.engine.FlowEvent;
import cn.dudao.flows.engine.Input;
import cn.dudao.flows.expr.Values;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs a transcript file: a flow, a start context, and steps of input with what must come back.
 * See {@code src/test/resources/transcripts/README.md} for the format.
 */
public final class TranscriptRunner {
  private TranscriptRunner() {}

  @SuppressWarnings("unchecked")
  public static void run(String resource) {
    Map<String, Object> t = new Yaml(new SafeConstructor(new LoaderOptions())).load(Flows.resource(resource));
    Conversation c = new Conversation(Flows.load((String) t.get("flow")),
        (Map<String, Object>) t.getOrDefault("context", Map.of()));
    check(c, (Map<String, Object>) t.get("start"), "start");
    List<Map<String, Object>> steps = (List<Map<String, Object>>) t.get("steps");
    for (int i = 0; i < steps.size(); i++) {
      Map<String, Object> step = steps.get(i);
      String where = resource + " step " + (i + 1) + " " + inputOf(step);
      send(c, step);
      check(c, step, where);
    }
  }

  @SuppressWarnings("unchecked")
  private static void send(Conversation c, Map<String, Object> step) {
    if (step.containsKey("say")) {
      c.say(String.valueOf(step.get("say")));
    } else if (step.containsKey("press")) {
      c.press(String.valueOf(step.get("press")));
    } else if (step.containsKey("press_old")) {
      c.send(new Input.Choice(c.state().step() - 1, String.valueOf(step.get("press_old"))));
    } else if (step.containsKey("multi")) {
      c.send(new Input.MultiChoice(c.state().step(), (List<String>) step.get("multi")));
    } else if (step.containsKey("photo")) {
      c.send(new Input.Photo(String.valueOf(step.get("photo"))));
    } else if (step.containsKey("location")) {
      Map<String, Object> l = (Map<String, Object>) step.get("location");
      c.send(new Input.Location(((Number) l.get("lat")).doubleValue(), ((Number) l.get("lng")).doubleValue(),
          String.valueOf(l.getOrDefault("label", ""))));
    } else {
      throw new IllegalArgumentException("step without input: " + step);
    }
  }

  private static String inputOf(Map<String, Object> step) {
    for (String k : List.of("say", "press", "press_old", "multi", "photo", "location")) {
      if (step.containsKey(k)) {
        return k + "=" + step.get(k);
      }
    }
    return "";
  }

  @SuppressWarnings("unchecked")
  private static void check(Conversation c, Map<String, Object> expect, String where) {
    if (expect == null) {
      return;
    }
    if (expect.containsKey("asked")) {
      assertThat(c.question().nodeId()).as(where + " asked").isEqualTo(expect.get("asked"));
    } else if (!expect.containsKey("rejected") && !expect.containsKey("status") && !expect.containsKey("no_question")) {
      assertThat(c.events(FlowEvent.QuestionAsked.class)).as(where + ": says nothing about the question asked").isEmpty();
    }
    if (expect.containsKey("text")) {
      assertThat(c.question().text()).as(where + " question text").contains((List<String>) expect.get("text"));
    }
    Map<String, Object> recorded = (Map<String, Object>) expect.getOrDefault("recorded", Map.of());
    recorded.forEach((key, value) -> {
      FlowEvent.AnswerRecorded a = c.events(FlowEvent.AnswerRecorded.class).stream()
          .filter(e -> e.key().equals(key)).findFirst().orElse(null);
      assertThat(a).as(where + " recorded " + key + " in " + c.events()).isNotNull();
      assertThat(same(value, a.value())).as(where + " value of " + key + ": " + a.value()).isTrue();
    });
    if (expect.containsKey("rejected")) {
      assertThat(c.only(FlowEvent.InputRejected.class).hint()).as(where + " hint")
          .contains(String.valueOf(expect.get("rejected")));
    } else {
      assertThat(c.events(FlowEvent.InputRejected.class)).as(where + " rejected").isEmpty();
    }
    if (expect.containsKey("messages")) {
      assertThat(c.messages()).as(where + " messages").contains((List<String>) expect.get("messages"));
    }
    if (expect.containsKey("cleared")) {
      assertThat(c.only(FlowEvent.AnswersCleared.class).keys()).as(where + " cleared")
          .containsExactlyElementsOf((List<String>) expect.get("cleared"));
    }
    if (expect.containsKey("findings")) {
      assertThat(c.events(FlowEvent.FindingRecorded.class)).extracting(FlowEvent.FindingRecorded::key)
          .as(where + " findings").containsExactlyElementsOf((List<String>) expect.get("findings"));
    }
    if (expect.containsKey("events")) {
      List<String> names = c.events().stream().map(e -> e.getClass().getSimpleName()).toList();
      assertThat(names).as(where + " events").containsSubsequence((List<String>) expect.get("events"));
    }
    if (expect.containsKey("status")) {
      assertThat(c.state().status()).as(where + " status")
          .isEqualTo(ConversationState.Status.valueOf(String.valueOf(expect.get("status"))));
    }
    Map<String, Object> answers = (Map<String, Object>) expect.getOrDefault("answers", Map.of());
    answers.forEach((key, value) -> assertThat(same(value, c.state().answers().get(key)))
        .as(where + " answer " + key + " = " + c.state().answers().get(key)).isTrue());
    List<String> absent = (List<String>) expect.getOrDefault("absent", List.of());
    assertThat(c.state().answers()).as(where + " absent answers").doesNotContainKeys(absent.toArray(String[]::new));
  }

  /** Equality with numbers compared by value, recursively through lists and maps. */
  static boolean same(Object expected, Object actual) {
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!same(e.get(i), a.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      return e.size() == a.size() && e.entrySet().stream().allMatch(en -> same(en.getValue(), a.get(en.getKey())));
    }
    return Values.same(expected, actual);
  }
}
