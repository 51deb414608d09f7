package cn.dudao.bot.wecom.callback;

import cn.dudao.bot.wecom.WeComProperties;
import cn.dudao.bot.wecom.callback.CallbackRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.w3c.dom.Element;

/**
 * Verifies and opens WeCom callbacks (回调配置, developer.work.weixin.qq.com/document/path/90930, and
 * 加解密方案说明, path/90968): msg_signature = sha1(sort(token, timestamp, nonce, Encrypt)), then AES.
 * It closes what WxJava leaves open: the signature is compared in constant time, the receive id in the
 * plaintext must be our corp id, the timestamp must lie within the replay window, the outer body is
 * size-limited and parsed without DOCTYPEs, and the unsigned outer AgentID is never read (WxJava lets
 * it override the signed inner one; here only the inner one, read by {@link InboundParser}, counts).
 * Cheap checks (size, timestamp, XML shape, strict Base64) run before any hashing or decryption.
 * Thread-safe.
 */
public final class CallbackCrypto {

  private static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);
  private static final int DEFAULT_MAX_BODY_BYTES = 65_536;
  private static final int SIGNATURE_HEX_LENGTH = 40;
  private static final int MAX_PARAM_LENGTH = 64;

  private final String token;
  private final String corpId;
  private final Integer agentId;
  private final long replayWindowSeconds;
  private final int maxBodyBytes;
  private final Clock clock;
  private final WeComCipher cipher;

  public CallbackCrypto(WeComProperties properties, Clock clock) {
    this.token = requireText(properties.token(), "dudao.wecom.token");
    this.corpId = requireText(properties.corpId(), "dudao.wecom.corp-id");
    this.agentId = properties.agentId();
    Duration window = properties.replayWindow() == null ? DEFAULT_REPLAY_WINDOW : properties.replayWindow();
    if (window.isNegative()) {
      throw new IllegalArgumentException("dudao.wecom.replay-window must not be negative");
    }
    this.replayWindowSeconds = window.getSeconds();
    this.maxBodyBytes = properties.maxBodyBytes() > 0 ? properties.maxBodyBytes() : DEFAULT_MAX_BODY_BYTES;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.cipher = new WeComCipher(token, properties.aesKey(), corpId);
  }

  /**
   * GET URL verification: checks the signature over {@code echostr} and returns its decrypted content,
   * to be echoed verbatim (no quotes, BOM or newline). Parameters must already be URL-decoded.
   */
  public String verifyUrl(String msgSignature, String timestamp, String nonce, String echostr) {
    checkTimestamp(timestamp);
    byte[] sealed = WeComCipher.decode(echostr);
    checkSignature(msgSignature, timestamp, nonce, echostr);
    return cipher.open(sealed);
  }

  /**
   * POST message or event: checks size, outer XML, timestamp and signature, decrypts, checks the
   * receive id, and returns the signed inner XML for {@link InboundParser#parse}.
   */
  public String openMessage(String msgSignature, String timestamp, String nonce, byte[] body) {
    if (body == null || body.length == 0) {
      throw new CallbackRejectedException(Reason.MALFORMED_BODY, "empty body");
    }
    if (body.length > maxBodyBytes) {
      throw new CallbackRejectedException(Reason.BODY_TOO_LARGE, "body exceeds the configured limit");
    }
    checkTimestamp(timestamp);
    Element outer = SafeXml.parseRoot(body);
    String encrypt = SafeXml.childText(outer, "Encrypt");
    if (encrypt == null || encrypt.isEmpty()) {
      throw new CallbackRejectedException(Reason.MALFORMED_BODY, "no Encrypt element");
    }
    // The outer ToUserName and AgentID are not covered by msg_signature, so they are never read.
    byte[] sealed = WeComCipher.decode(encrypt);
    checkSignature(msgSignature, timestamp, nonce, encrypt);
    return cipher.open(sealed);
  }

  /**
   * Encrypts and signs {@code plaintextXml} exactly as WeCom POSTs a callback to this app (outer
   * ToUserName = corp id, AgentID = the configured agent id). For tests and the load driver.
   */
  public SealedCallback seal(String plaintextXml, String timestamp, String nonce) {
    Objects.requireNonNull(plaintextXml, "plaintextXml");
    requireText(timestamp, "timestamp");
    requireText(nonce, "nonce");
    String encrypt = cipher.seal(plaintextXml);
    String signature = SHA1.gen(token, timestamp, nonce, encrypt);
    String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName>"
        + "<Encrypt><![CDATA[" + encrypt + "]]></Encrypt>"
        + "<AgentID><![CDATA[" + (agentId == null ? "" : agentId) + "]]></AgentID></xml>";
    return new SealedCallback(body, signature, timestamp, nonce);
  }

  private void checkTimestamp(String timestamp) {
    if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 19) {
      throw new CallbackRejectedException(Reason.STALE_TIMESTAMP, "timestamp missing or not a number");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      throw new CallbackRejectedException(Reason.STALE_TIMESTAMP, "timestamp missing or not a number");
    }
    long now = clock.instant().getEpochSecond();
    if (seconds < now - replayWindowSeconds || seconds > now + replayWindowSeconds) {
      throw new CallbackRejectedException(Reason.STALE_TIMESTAMP, "timestamp outside the replay window");
    }
  }

  private void checkSignature(String msgSignature, String timestamp, String nonce, String encrypt) {
    if (msgSignature == null || msgSignature.length() != SIGNATURE_HEX_LENGTH
        || nonce == null || nonce.isEmpty() || nonce.length() > MAX_PARAM_LENGTH
        || encrypt == null || encrypt.isEmpty()) {
      throw new CallbackRejectedException(Reason.BAD_SIGNATURE, "signature parameters missing or malformed");
    }
    // SHA1.gen never sees an empty part here, so its exception (which would print the token) cannot occur.
    String expected = SHA1.gen(token, timestamp, nonce, encrypt);
    if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        msgSignature.getBytes(StandardCharsets.US_ASCII))) {
      throw new CallbackRejectedException(Reason.BAD_SIGNATURE, "msg_signature does not match");
    }
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }
}
