package cn.dudao.flows.engine;

import java.util.Map;

/**
 * Where one person stands in one flow. Immutable; the engine returns a new state for every step.
 * {@link #toMap()} and {@link #fromMap(Map)} give a form made only of String, Number, Boolean, List
 * and Map, which the bot stores as JSON (in the database and in the Redis cache).
 */
public record ConversationState(String flowId, int revision, Status status, int step, String currentNode,
                                Map<String, Object> answers, Map<String, Object> data) {

  /** The life of a conversation. */
  public enum Status { ACTIVE, PAUSED, COMPLETED, EXITED }

  /**
   * The state as String, Number, Boolean, List and Map only. Engine-internal entries of
   * {@link #data()} start with {@code _}; all other entries are the context passed to start.
   */
  public Map<String, Object> toMap() {
    return StateCodec.toMap(this);
  }

  /** Reads {@link #toMap()}'s form back, tolerating the number types a JSON library returns. */
  public static ConversationState fromMap(Map<String, Object> map) {
    return StateCodec.fromMap(map);
  }
}
