package cn.dudao.bot.conversation;

import cn.dudao.bot.evidence.EvidenceLedger;
import cn.dudao.bot.evidence.MediaFetches;
import cn.dudao.bot.evidence.MediaOutcome;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.flows.engine.Input;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Photos and locations on their way into a conversation. One the open question asks for becomes the
 * engine's input; one sent when none is expected is kept with the current inspection and acknowledged;
 * a photo that could not be stored is explained and the question stays open. Called inside the
 * conversation transaction, after the photo's fetch has settled.
 */
@Component
class EvidenceSteps {

  static final String PHOTOS = "photos";
  static final String LOCATION = "location";

  /** The question open when a message arrives: its node and type, or none. */
  record Open(Long inspectionId, String nodeId, String type) {
    static Open none(Long inspectionId) {
      return new Open(inspectionId, null, null);
    }
  }

  private final MediaFetches fetches;
  private final EvidenceLedger ledger;

  EvidenceSteps(MediaFetches fetches, EvidenceLedger ledger) {
    this.fetches = fetches;
    this.ledger = ledger;
  }

  static boolean handles(InboundMessage message) {
    return message.kind() == InboundMessage.Kind.IMAGE || message.kind() == InboundMessage.Kind.LOCATION;
  }

  /** The engine input for a photo or location, or empty when it was dealt with here (and said so). */
  Optional<Input> receive(InboundRecord record, InboundMessage message, Open open, ReplyBuffer replies) {
    return message.kind() == InboundMessage.Kind.IMAGE ? photo(record, open, replies)
        : location(record, message, open, replies);
  }

  private Optional<Input> photo(InboundRecord record, Open open, ReplyBuffer replies) {
    MediaFetches.Settled fetched = fetches.find(record.getId())
        .orElseThrow(() -> new IllegalStateException("image " + record.getId() + " applied before its fetch settled"));
    boolean asked = PHOTOS.equals(open.type());
    if (fetched.outcome() != MediaOutcome.STORED) {
      replies.say(fetched.outcome().message() + (asked ? Replies.QUESTION_STILL_OPEN : ""));
      return Optional.empty();
    }
    ledger.attachPhoto(fetched.evidenceId(), open.inspectionId(), asked ? open.nodeId() : null);
    if (asked) {
      return Optional.of(new Input.Photo(Long.toString(fetched.evidenceId())));
    }
    replies.say(open.inspectionId() != null ? Replies.PHOTO_KEPT : Replies.PHOTO_KEPT_NO_INSPECTION);
    return Optional.empty();
  }

  private Optional<Input> location(InboundRecord record, InboundMessage message, Open open, ReplyBuffer replies) {
    boolean asked = LOCATION.equals(open.type());
    ledger.recordLocation(record, message, open.inspectionId(), asked ? open.nodeId() : null);
    if (asked) {
      return InputMapper.toInput(message);
    }
    replies.say(open.inspectionId() != null ? Replies.LOCATION_KEPT : Replies.LOCATION_KEPT_NO_INSPECTION);
    return Optional.empty();
  }

  /** Links the evidence an answer took: the photos it lists, or the location sent with this message. */
  void answered(String nodeType, long inspectionId, String key, Object value, Long inboundId) {
    if (PHOTOS.equals(nodeType) && value instanceof List<?> ids) {
      ledger.linkAnswer(inspectionId, key, ids.stream().map(String::valueOf).filter(s -> s.matches("\\d{1,18}"))
          .map(Long::valueOf).toList());
    } else if (LOCATION.equals(nodeType) && inboundId != null) {
      ledger.linkLocation(inboundId, inspectionId, key);
    }
  }
}
