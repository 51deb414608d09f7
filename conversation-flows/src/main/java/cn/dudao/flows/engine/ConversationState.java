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

  public Map<String, Object> toMap() {
    throw new UnsupportedOperationException("TODO");
  }

  public static ConversationState fromMap(Map<String, Object> map) {
    throw new UnsupportedOperationException("TODO");
  }
}
