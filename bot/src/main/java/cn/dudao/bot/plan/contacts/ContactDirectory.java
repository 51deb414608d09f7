package cn.dudao.bot.plan.contacts;

import java.util.List;

/**
 * The corp's member directory as the sync needs it: who is there, by user id and name. The WeCom
 * channel implements it; the plan does not know WeCom.
 */
public interface ContactDirectory {

  /** A member as the directory lists him; {@code name} may be null when the directory hides it. */
  record Person(String userId, String name) {}

  /** The directory could not be read; the message is for the console (Chinese). */
  class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unavailable(String message) {
      super(message);
    }
  }

  /** Everyone in the configured root department and below; throws {@link Unavailable}. */
  List<Person> people();
}
