package cn.dudao.bot.wecom.callback;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundMessage.Channel;
import cn.dudao.bot.inbox.InboundMessage.Kind;
import cn.dudao.bot.wecom.callback.CallbackRejectedException.Reason;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Maps the signed inner XML of a WeCom callback to an {@link InboundMessage} (接收消息与事件:
 * 消息格式 developer.work.weixin.qq.com/document/path/90239, 事件格式 path/90240). Only signed fields
 * are read, so the agent id is the inner AgentID. Retries of one callback get one dedupe key:
 * {@code msg:<MsgId>} for messages (as 接收消息与事件 概述, path/90238, recommends); for events it recommends
 * FromUserName + CreateTime, and Dudao adds the Event and, when present, the EventKey and TaskId, so two
 * different buttons or cards pressed within the same second stay two events:
 * {@code evt:<FromUserName>:<CreateTime>:<Event>[:<EventKey>][:<TaskId>]}. A link's Url becomes the text
 * and its Title the label; an unknown MsgType is kept as OTHER_EVENT rather than refused. Thread-safe.
 */
public final class InboundParser {

  /** Parses decrypted inner XML; throws {@link CallbackRejectedException} (MALFORMED_BODY) if unusable. */
  public InboundMessage parse(String innerXml) {
    if (innerXml == null || innerXml.isEmpty()) {
      throw malformed("empty message");
    }
    Element root = SafeXml.parseRoot(innerXml);
    Map<String, String> f = leafFields(root);
    String from = required(f, "FromUserName");
    String createTime = required(f, "CreateTime");
    String msgType = required(f, "MsgType");
    Instant createdAt = Instant.ofEpochSecond(parseLong(createTime));
    Integer agentId = parseInt(f.get("AgentID"));
    if ("event".equals(msgType)) {
      return event(root, f, from, createTime, createdAt, agentId);
    }
    String msgId = blankToNull(f.get("MsgId"));
    // A message without MsgId never came from WeCom so far; fall back to sender, second and type.
    String dedupeKey = msgId != null ? "msg:" + msgId : "msg:" + from + ":" + createTime + ":" + msgType;
    Fields m = new Fields(from, createdAt, dedupeKey, agentId);
    return switch (msgType) {
      case "text" -> m.build(Kind.TEXT, f.get("Content"));
      case "image" -> m.media(f.get("MediaId")).pic(f.get("PicUrl")).build(Kind.IMAGE, null);
      case "voice" -> m.media(f.get("MediaId")).build(Kind.VOICE, null);
      case "video" -> m.media(f.get("MediaId")).build(Kind.VIDEO, null);
      case "file" -> m.media(f.get("MediaId")).build(Kind.FILE, null);
      case "location" -> m.at(f.get("Location_X"), f.get("Location_Y")).label(f.get("Label"))
          .build(Kind.LOCATION, null);
      case "link" -> m.pic(f.get("PicUrl")).label(f.get("Title")).build(Kind.LINK, f.get("Url"));
      default -> m.build(Kind.OTHER_EVENT, null);
    };
  }

  private static InboundMessage event(Element root, Map<String, String> f, String from, String createTime,
      Instant createdAt, Integer agentId) {
    String event = required(f, "Event");
    String eventKey = blankToNull(f.get("EventKey"));
    String taskId = blankToNull(f.get("TaskId"));
    StringBuilder key = new StringBuilder(64).append("evt:").append(from).append(':').append(createTime)
        .append(':').append(event);
    if (eventKey != null) {
      key.append(':').append(eventKey);
    }
    if (taskId != null) {
      key.append(':').append(taskId);
    }
    Fields m = new Fields(from, createdAt, key.toString(), agentId);
    m.taskId = taskId;
    m.responseCode = blankToNull(f.get("ResponseCode"));
    if (event.equalsIgnoreCase("enter_agent")) {
      return m.build(Kind.ENTER_AGENT, eventKey);
    } else if (event.equalsIgnoreCase("click")) {
      return m.build(Kind.MENU_CLICK, eventKey);
    } else if (event.equalsIgnoreCase("LOCATION")) {
      return m.at(f.get("Latitude"), f.get("Longitude")).build(Kind.LOCATION_REPORT, eventKey);
    } else if (event.equalsIgnoreCase("template_card_event")) {
      m.selectedKeys = CardSelections.optionIds(root);
      return m.build(Kind.CARD_EVENT, eventKey);
    }
    return m.build(Kind.OTHER_EVENT, eventKey);
  }

  /** Text of the root's direct children that have no child elements (first occurrence wins). */
  private static Map<String, String> leafFields(Element root) {
    Map<String, String> fields = new HashMap<>(32);
    for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE && !CardSelections.hasElementChildren(n)) {
        fields.putIfAbsent(n.getNodeName(), n.getTextContent());
      }
    }
    return fields;
  }

  private static String required(Map<String, String> fields, String name) {
    String value = blankToNull(fields.get(name));
    if (value == null) {
      throw malformed("required element missing");
    }
    return value.strip();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static long parseLong(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw malformed("CreateTime is not a number");
    }
  }

  private static Integer parseInt(String value) {
    String v = blankToNull(value);
    try {
      return v == null ? null : Integer.valueOf(v);
    } catch (NumberFormatException e) {
      throw malformed("AgentID is not a number");
    }
  }

  private static Double parseCoordinate(String value) {
    String v = blankToNull(value);
    try {
      Double d = v == null ? null : Double.valueOf(v);
      if (d != null && (d.isNaN() || d.isInfinite())) {
        throw malformed("coordinate is not finite");
      }
      return d;
    } catch (NumberFormatException e) {
      throw malformed("coordinate is not a number");
    }
  }

  private static CallbackRejectedException malformed(String message) {
    return new CallbackRejectedException(Reason.MALFORMED_BODY, message);
  }

  /** The optional fields of one message, filled per kind. */
  private static final class Fields {
    private final String userId;
    private final Instant createdAt;
    private final String dedupeKey;
    private final Integer agentId;
    private String mediaId;
    private String picUrl;
    private Double latitude;
    private Double longitude;
    private String label;
    private String taskId;
    private String responseCode;
    private List<String> selectedKeys = List.of();

    Fields(String userId, Instant createdAt, String dedupeKey, Integer agentId) {
      this.userId = userId;
      this.createdAt = createdAt;
      this.dedupeKey = dedupeKey;
      this.agentId = agentId;
    }

    Fields media(String value) {
      mediaId = blankToNull(value);
      return this;
    }

    Fields pic(String value) {
      picUrl = blankToNull(value);
      return this;
    }

    Fields label(String value) {
      label = blankToNull(value);
      return this;
    }

    Fields at(String lat, String lng) {
      latitude = parseCoordinate(lat);
      longitude = parseCoordinate(lng);
      return this;
    }

    InboundMessage build(Kind kind, String text) {
      return new InboundMessage(Channel.WECOM, userId, createdAt, dedupeKey, kind, text, mediaId, picUrl,
          latitude, longitude, label, taskId, responseCode, selectedKeys, agentId);
    }
  }
}
