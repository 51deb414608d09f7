package cn.dudao.flows.question;

import cn.dudao.flows.definition.OptionDef;
import cn.dudao.flows.engine.Input;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A type with two fixed options and a table of words people type for them ({@code yes_no}, {@code confirm}):
 * a pressed button or a typed word becomes one of the two option keys, the subclass says what that key means.
 */
abstract class TwoOptionType implements QuestionType {
  private final List<OptionDef> options;
  private final Map<String, String> words;

  /** {@code words} maps folded, lower-cased text to one of the two option keys. */
  TwoOptionType(OptionDef first, OptionDef second, Map<String, String> words) {
    this.options = List.of(first, second);
    this.words = Map.copyOf(words);
  }

  @Override
  public final boolean usesOptions() {
    return true;
  }

  @Override
  public final List<OptionDef> fixedOptions() {
    return options;
  }

  @Override
  public final Reply parse(Asked asked, Input input) {
    String key = null;
    if (input instanceof Input.Choice c) {
      key = words.get(c.optionKey());
    } else if (input instanceof Input.Text t) {
      key = words.get(Texts.fold(t.text()).toLowerCase(Locale.ROOT));
    }
    return key == null ? new Reply.Rejected(rejection() + howTo(asked)) : accept(key);
  }

  /** The first words of the answer to anything else, before the how-to line. */
  abstract String rejection();

  /** What choosing the option {@code key} amounts to. */
  abstract Reply accept(String key);
}
