package cn.dudao.bot.conversation;

import cn.dudao.flows.engine.ConversationState;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** Conversation state to and from JSON, through the engine's plain-map form. */
@Component
class StateCodec {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

  private final ObjectReader reader;
  private final ObjectWriter writer;

  StateCodec(JsonMapper json) {
    // Built once: every message reads and writes a state.
    this.reader = json.readerFor(MAP);
    this.writer = json.writer();
  }

  String encode(ConversationState state) {
    return writer.writeValueAsString(state.toMap());
  }

  Optional<ConversationState> decode(String stateJson) {
    if (stateJson == null || stateJson.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(ConversationState.fromMap(reader.readValue(stateJson)));
  }
}
