package cn.dudao.bot.testsupport;

import cn.dudao.bot.wecom.WeComProperties;
import cn.dudao.bot.wecom.callback.CallbackCrypto;
import cn.dudao.bot.wecom.callback.SealedCallback;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends callbacks to a running node exactly as WeCom does: inner XML, encrypted and signed with the
 * app's token and EncodingAESKey, POSTed with msg_signature, timestamp and nonce in the query.
 */
public final class WeComCallbacks {

  public static final String CORP_ID = "ww1234567890abcdef";
  public static final int AGENT_ID = 1000002;
  public static final String TOKEN = "dudaoTestToken";
  public static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
  public static final String SECRET = "test-secret-not-real";

  private static final AtomicLong MSG_IDS = new AtomicLong(7_000_000_000_000_000_000L);

  private final HttpClient http = HttpClient.newHttpClient();
  private final CallbackCrypto crypto;
  private final String baseUrl;

  public WeComCallbacks(String baseUrl) {
    this.baseUrl = baseUrl;
    this.crypto = new CallbackCrypto(properties(CORP_ID), Clock.systemUTC());
  }

  /** The properties a test app uses; {@code corpId} may differ to forge payloads for another corp. */
  public static WeComProperties properties(String corpId) {
    return new WeComProperties(corpId, AGENT_ID, SECRET, TOKEN, AES_KEY, "http://unused", java.time.Duration.ofMinutes(5),
        65536);
  }

  /** Spring properties that switch the WeCom channel on for a test context. */
  public static String[] springProperties() {
    return new String[] {
        "dudao.wecom.corp-id=" + CORP_ID, "dudao.wecom.agent-id=" + AGENT_ID, "dudao.wecom.secret=" + SECRET,
        "dudao.wecom.token=" + TOKEN, "dudao.wecom.aes-key=" + AES_KEY};
  }

  public static long nextMsgId() {
    return MSG_IDS.incrementAndGet();
  }

  public static String textXml(String user, long msgId, String content) {
    return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + user
        + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        + "<Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>" + AGENT_ID
        + "</AgentID></xml>";
  }

  public static String cardEventXml(String user, long createTime, String eventKey, String taskId, String responseCode) {
    return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + user
        + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
        + "<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[" + eventKey + "]]></EventKey>"
        + "<TaskId><![CDATA[" + taskId + "]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>"
        + "<ResponseCode><![CDATA[" + responseCode + "]]></ResponseCode><AgentID>" + AGENT_ID + "</AgentID></xml>";
  }

  public static String imageXml(String user, long msgId, String mediaId) {
    return message(user, msgId, "image", "<PicUrl><![CDATA[https://wework.qpic.cn/test/" + msgId + "]]></PicUrl>"
        + "<MediaId><![CDATA[" + mediaId + "]]></MediaId>");
  }

  /** A voice, video or file message (what cannot answer a photo question). */
  public static String mediaXml(String user, long msgId, String type, String mediaId) {
    String extra = switch (type) {
      case "voice" -> "<Format><![CDATA[amr]]></Format>";
      case "video" -> "<ThumbMediaId><![CDATA[thumb-" + mediaId + "]]></ThumbMediaId>";
      default -> "";
    };
    return message(user, msgId, type, "<MediaId><![CDATA[" + mediaId + "]]></MediaId>" + extra);
  }

  public static String locationXml(String user, long msgId, double latitude, double longitude, String label) {
    return message(user, msgId, "location", "<Location_X>" + latitude + "</Location_X><Location_Y>" + longitude
        + "</Location_Y><Scale>15</Scale><Label><![CDATA[" + label + "]]></Label>");
  }

  private static String message(String user, long msgId, String type, String fields) {
    return "<xml><ToUserName><![CDATA[" + CORP_ID + "]]></ToUserName><FromUserName><![CDATA[" + user
        + "]]></FromUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[" + type
        + "]]></MsgType>" + fields + "<MsgId>" + msgId + "</MsgId><AgentID>" + AGENT_ID + "</AgentID></xml>";
  }

  /** Seals and POSTs one callback; returns the HTTP status. */
  public int post(String innerXml) {
    SealedCallback sealed = seal(innerXml);
    return post(sealed.body(), sealed.msgSignature(), sealed.timestamp(), sealed.nonce());
  }

  public SealedCallback seal(String innerXml) {
    return crypto.seal(innerXml, Long.toString(Instant.now().getEpochSecond()), Long.toString(System.nanoTime()));
  }

  public int post(String body, String signature, String timestamp, String nonce) {
    return postRaw(query(signature, timestamp, nonce), body.getBytes(StandardCharsets.UTF_8), "text/xml", false);
  }

  /** The query string WeCom appends: msg_signature, timestamp and nonce, URL-encoded. */
  public static String query(String signature, String timestamp, String nonce) {
    return "msg_signature=" + enc(signature) + "&timestamp=" + enc(timestamp) + "&nonce=" + enc(nonce);
  }

  /**
   * POSTs arbitrary bytes with an arbitrary (already encoded) query, for forged and fuzzed callbacks;
   * {@code contentType} null sends none, {@code chunked} sends no Content-Length. Returns the status.
   */
  public int postRaw(String rawQuery, byte[] body, String contentType, boolean chunked) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/wecom/callback?" + rawQuery))
        .POST(chunked
            ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
