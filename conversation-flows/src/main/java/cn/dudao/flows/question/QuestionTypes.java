package cn.dudao.flows.question;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The registry of question types by slug. */
public final class QuestionTypes {
  private static final Map<String, QuestionType> TYPES = new LinkedHashMap<>();

  static {
    for (QuestionType t : List.of(new SingleChoiceType(), new MultiChoiceType(), new YesNoType(),
        new NumberType("integer", 0, false), new NumberType("decimal", 2, false),
        new NumberType("money", 2, true), new DateType(), new TextType(), new PhotosType(),
        new LocationType(), new ConfirmType())) {
      TYPES.put(t.name(), t);
    }
  }

  private QuestionTypes() {}

  /** The type named {@code name}, or null. */
  public static QuestionType find(String name) {
    return TYPES.get(name);
  }

  /** The type named {@code name}; @throws IllegalArgumentException when unknown */
  public static QuestionType of(String name) {
    QuestionType t = TYPES.get(name);
    if (t == null) {
      throw new IllegalArgumentException("unknown question type " + name);
    }
    return t;
  }

  public static Set<String> names() {
    return TYPES.keySet();
  }
}
