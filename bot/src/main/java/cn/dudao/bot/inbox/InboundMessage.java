package cn.dudao.bot.inbox;

import java.time.Instant;
import java.util.List;

/**
 * One message or event from a person, channel-neutral: the WeCom callback and the browser simulator
 * both produce it, and the conversation runtime consumes it from the durable inbox.
 *
 * @param channel       where it came from and where replies go
 * @param userId        the sender's WeCom user id (FromUserName), from the signed payload only
 * @param createdAt     the sender's CreateTime (second precision in WeCom)
 * @param dedupeKey     identifies retries of the same message: {@code msg:<MsgId>} for messages,
 *                      {@code evt:<FromUserName>:<CreateTime>:<Event>[:<EventKey>][:<TaskId>]} for
 *                      events (two different buttons pressed in one second stay two events)
 * @param kind          what was sent
 * @param text          text content, or the event key of a menu click / card button
 * @param mediaId       image, voice, video or file media id (valid for 3 days only)
 * @param picUrl        image URL for pictures
 * @param latitude      location latitude (Location_X or Latitude)
 * @param longitude     location longitude (Location_Y or Longitude)
 * @param label         location label
 * @param taskId        template card task id
 * @param responseCode  template card response code, usable once within 72 h to update the card
 * @param selectedKeys  option ids selected on a vote / multiple interaction card
 * @param agentId       the app's agent id from the signed payload
 */
public record InboundMessage(
    Channel channel,
    String userId,
    Instant createdAt,
    String dedupeKey,
    Kind kind,
    String text,
    String mediaId,
    String picUrl,
    Double latitude,
    Double longitude,
    String label,
    String taskId,
    String responseCode,
    List<String> selectedKeys,
    Integer agentId) {

  public InboundMessage {
    selectedKeys = selectedKeys == null ? List.of() : List.copyOf(selectedKeys);
  }

  /** The channel a message came through; replies go back through the same one. */
  public enum Channel { WECOM, SIMULATOR }

  /** What a person sent. */
  public enum Kind {
    TEXT, IMAGE, VOICE, VIDEO, FILE, LOCATION, LINK,
    /** The person opened the app (event enter_agent). */
    ENTER_AGENT,
    /** A menu click (event click); text holds the EventKey. */
    MENU_CLICK,
    /** A template card button or selection (event template_card_event); text holds the EventKey. */
    CARD_EVENT,
    /** The periodic LOCATION report event. */
    LOCATION_REPORT,
    /** Any other event, kept but not acted on. */
    OTHER_EVENT
  }

  /** A text message, the common case in tests and the simulator. */
  public static InboundMessage text(Channel channel, String userId, Instant at, String dedupeKey, String text) {
    return new InboundMessage(channel, userId, at, dedupeKey, Kind.TEXT, text, null, null, null, null, null,
        null, null, List.of(), null);
  }
}
