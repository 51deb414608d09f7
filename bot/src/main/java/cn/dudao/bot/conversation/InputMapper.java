package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.flows.engine.Input;
import java.util.Optional;

/**
 * Maps channel messages to engine inputs. Card buttons carry {@code a:<step>:<option>} (see
 * {@link CardKeys}); photos reach the engine through {@link EvidenceSteps} once stored, as their
 * evidence id.
 */
final class InputMapper {

  private InputMapper() {
  }

  /** The engine input for a message, or empty when the message is not an answer (app opened, report). */
  static Optional<Input> toInput(InboundMessage message) {
    return switch (message.kind()) {
      case TEXT -> Optional.of(new Input.Text(message.text() == null ? "" : message.text()));
      case CARD_EVENT -> CardKeys.parse(message.text(), message.selectedKeys());
      case IMAGE -> Optional.empty();
      case LOCATION -> Optional.of(new Input.Location(
          message.latitude() == null ? 0 : message.latitude(),
          message.longitude() == null ? 0 : message.longitude(), message.label()));
      case VOICE, VIDEO, FILE, LINK -> Optional.of(new Input.Unsupported(message.kind().name().toLowerCase()));
      case MENU_CLICK -> Optional.of(new Input.Text(message.text() == null ? "" : message.text()));
      case ENTER_AGENT, LOCATION_REPORT, OTHER_EVENT -> Optional.empty();
    };
  }
}
