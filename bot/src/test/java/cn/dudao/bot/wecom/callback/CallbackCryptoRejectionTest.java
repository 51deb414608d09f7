package cn.dudao.bot.wecom.callback;

import static cn.dudao.bot.wecom.callback.RawCallbacks.body;
import static cn.dudao.bot.wecom.callback.RawCallbacks.encrypt;
import static cn.dudao.bot.wecom.callback.RawCallbacks.encryptOf;
import static cn.dudao.bot.wecom.callback.RawCallbacks.frame;
import static cn.dudao.bot.wecom.callback.RawCallbacks.pad;
import static cn.dudao.bot.wecom.callback.RawCallbacks.padFor;
import static cn.dudao.bot.wecom.callback.RawCallbacks.sign;
import static cn.dudao.bot.wecom.callback.WeComSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.wecom.WeComProperties;
import cn.dudao.bot.wecom.callback.CallbackRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every way a callback must be refused, and that refusals leak no secret or plaintext. */
class CallbackCryptoRejectionTest {

  private static final String NOW = POST_TIMESTAMP;
  private static final String NONCE = "1372623149";
  private static final String SECRET_TEXT = "秘密-inner-plaintext";
  private static final String INNER = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>"
      + "<FromUserName><![CDATA[lvliping]]></FromUserName><CreateTime>1409659813</CreateTime>"
      + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + SECRET_TEXT + "]]></Content>"
      + "<MsgId>7</MsgId><AgentID>218</AgentID></xml>";

  private final CallbackCrypto crypto = crypto(CORP_ID, NOW);

  @Test
  void forgedSignatureIsRefused() {
    String forged = "0" + POST_SIGNATURE.substring(1);
    assertRejected(Reason.BAD_SIGNATURE, () -> open(forged, POST_TIMESTAMP, POST_BODY.getBytes()));
    assertRejected(Reason.BAD_SIGNATURE,
        () -> open(POST_SIGNATURE.toUpperCase(), POST_TIMESTAMP, POST_BODY.getBytes()));
    assertRejected(Reason.BAD_SIGNATURE, () -> open(null, POST_TIMESTAMP, POST_BODY.getBytes()));
    assertRejected(Reason.BAD_SIGNATURE,
        () -> crypto.openMessage(POST_SIGNATURE, POST_TIMESTAMP, "", POST_BODY.getBytes()));
    assertRejected(Reason.BAD_SIGNATURE, () -> crypto(CORP_ID, VERIFY_TIMESTAMP)
        .verifyUrl(forged, VERIFY_TIMESTAMP, VERIFY_NONCE, VERIFY_ECHOSTR));
  }

  @Test
  void payloadSealedForAnotherCorpIsRefused() {
    SealedCallback other = crypto("wwffffffffffffffff", NOW).seal(INNER, NOW, NONCE);
    assertRejected(Reason.WRONG_RECEIVER, () -> open(other.msgSignature(), NOW, other.body().getBytes()));
    // Same token and key, corp id a prefix of ours: the length field must not let it pass either.
    SealedCallback prefix = crypto(CORP_ID.substring(0, 10), NOW).seal(INNER, NOW, NONCE);
    assertRejected(Reason.WRONG_RECEIVER, () -> open(prefix.msgSignature(), NOW, prefix.body().getBytes()));
    String echo = encryptOf(other);
    assertRejected(Reason.WRONG_RECEIVER, () -> crypto.verifyUrl(sign(NOW, NONCE, echo), NOW, NONCE, echo));
  }

  @Test
  void staleFutureAndUnparsableTimestampsAreRefused() {
    SealedCallback sealed = crypto.seal(INNER, NOW, NONCE);
    byte[] body = sealed.body().getBytes();
    assertRejected(Reason.STALE_TIMESTAMP, () -> crypto(CORP_ID, "1409660114").openMessage(
        sealed.msgSignature(), NOW, NONCE, body));
    assertRejected(Reason.STALE_TIMESTAMP, () -> crypto(CORP_ID, "1409659512").openMessage(
        sealed.msgSignature(), NOW, NONCE, body));
    assertThat(crypto(CORP_ID, "1409660113").openMessage(sealed.msgSignature(), NOW, NONCE, body)).isEqualTo(INNER);
    assertThat(crypto(CORP_ID, "1409659513").openMessage(sealed.msgSignature(), NOW, NONCE, body)).isEqualTo(INNER);
    for (String bad : new String[] {null, "", "14096598130000000000000", "14x", " 1409659813", "1.4e9"}) {
      assertRejected(Reason.STALE_TIMESTAMP, () -> open(sealed.msgSignature(), bad, body));
    }
    // The sample URL verification is 224 s older than NOW: inside the default window, outside a 60 s one.
    assertThat(crypto.verifyUrl(VERIFY_SIGNATURE, VERIFY_TIMESTAMP, VERIFY_NONCE, VERIFY_ECHOSTR))
        .isEqualTo(VERIFY_PLAINTEXT);
    CallbackCrypto strict = new CallbackCrypto(new WeComProperties(CORP_ID, AGENT_ID, "s", TOKEN, AES_KEY,
        "http://localhost", Duration.ofSeconds(60), 65_536), clockAt(NOW));
    assertRejected(Reason.STALE_TIMESTAMP, () -> strict.verifyUrl(
        VERIFY_SIGNATURE, VERIFY_TIMESTAMP, VERIFY_NONCE, VERIFY_ECHOSTR));
  }

  @Test
  void truncatedAndNonBase64EncryptAreRefused() {
    String good = encryptOf(crypto.seal(INNER, NOW, NONCE));
    byte[] raw = Base64.getDecoder().decode(good);
    String[] bad = {
        good.substring(0, good.length() - 1),                                     // not padded Base64
        good.substring(0, good.length() - 4),                                     // not whole AES blocks
        Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length - 32)),  // whole blocks, padding lost
        Base64.getEncoder().encodeToString(Arrays.copyOf(raw, 16)),               // shorter than two blocks
        good.substring(0, 8) + "!" + good.substring(9),                           // junk commons-codec would skip
        good.substring(0, 8) + " " + good.substring(9),
        good.substring(0, 40) + "\n" + good.substring(40, good.length() - 1),
        good.replace('+', '-').replace('/', '_'),                                 // URL-safe alphabet
        "====" + good.substring(4)};
    for (String encrypt : bad) {
      // Signed with the real token, so only the ciphertext checks can stop it.
      assertRejected(Reason.BAD_CIPHERTEXT, () -> open(sign(NOW, NONCE, encrypt), NOW, body(encrypt, "218")));
      assertRejected(Reason.BAD_CIPHERTEXT, () -> crypto.verifyUrl(sign(NOW, NONCE, encrypt), NOW, NONCE, encrypt));
    }
    assertRejected(Reason.MALFORMED_BODY, () -> open(POST_SIGNATURE, NOW, body("", "218")));
  }

  @Test
  void badPaddingAndLengthFieldsAreRefused() {
    byte[] frame = frame(INNER, INNER.getBytes(StandardCharsets.UTF_8).length, CORP_ID);
    int n = padFor(frame.length);
    byte[][] bad = {
        pad(frame, n, 0),                                     // pad byte 0
        pad(frame, n + 32, 33),                               // pad byte above the 32-byte block
        withByte(pad(frame, n, n), frame.length, n + 1),      // inconsistent padding bytes
        pad(frame(INNER, 1 << 20, CORP_ID), n, n),            // length field past the end
        pad(frame(INNER, -5, CORP_ID), n, n),                 // negative length field
        pad(new byte[12], 20, 20)};                           // shorter than the 20-byte header
    for (byte[] plaintext : bad) {
      String encrypt = encrypt(plaintext);
      assertRejected(Reason.BAD_CIPHERTEXT, () -> open(sign(NOW, NONCE, encrypt), NOW, body(encrypt, "218")));
    }
    String good = encrypt(pad(frame, n, n));
    assertThat(open(sign(NOW, NONCE, good), NOW, body(good, "218"))).isEqualTo(INNER);
  }

  @Test
  void malformedBodiesAreRefused() {
    String signature = sign(NOW, NONCE, POST_ENCRYPT);
    String[] bad = {
        "", "not xml", "<xml><Encrypt><![CDATA[" + POST_ENCRYPT + "]]></Encrypt>",
        "<root><Encrypt><![CDATA[" + POST_ENCRYPT + "]]></Encrypt></root>",
        "<xml><ToUserName>x</ToUserName></xml>",
        "<xml><Encrypt></Encrypt></xml>",
        "<xml><Encrypt>" + POST_ENCRYPT + "</Encrypt><Encrypt>" + POST_ENCRYPT + "</Encrypt></xml>",
        "<xml xmlns:xi=\"http://www.w3.org/2001/XInclude\"><Encrypt><xi:include href=\"file:///etc/hostname\" "
            + "parse=\"text\"/></Encrypt></xml>",
        "<xml>" + "<a>".repeat(40) + "</a>".repeat(40) + "<Encrypt>" + POST_ENCRYPT + "</Encrypt></xml>"};
    for (String body : bad) {
      assertRejected(Reason.MALFORMED_BODY, () -> open(signature, NOW, body.getBytes(StandardCharsets.UTF_8)));
    }
    assertRejected(Reason.MALFORMED_BODY, () -> open(signature, NOW, null));
  }

  @Test
  void doctypeExternalEntitiesAndEntityExpansionAreRefused() {
    String signature = sign(NOW, NONCE, POST_ENCRYPT);
    String lol = "<!ENTITY lol \"lol\">" + "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        + "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">"
        + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">";
    String[] bad = {
        "<!DOCTYPE xml><xml><Encrypt>" + POST_ENCRYPT + "</Encrypt></xml>",
        "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml><Encrypt>&xxe;</Encrypt></xml>",
        "<!DOCTYPE xml SYSTEM \"http://127.0.0.1:9/evil.dtd\"><xml><Encrypt>" + POST_ENCRYPT + "</Encrypt></xml>",
        "<!DOCTYPE xml [<!ENTITY % p SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]><xml><Encrypt>x</Encrypt></xml>",
        "<!DOCTYPE xml [" + lol + "]><xml><Encrypt>&lol3;</Encrypt></xml>"};
    for (String body : bad) {
      assertRejected(Reason.MALFORMED_BODY, () -> open(signature, NOW, body.getBytes(StandardCharsets.UTF_8)));
    }
    // Signed and encrypted, the inner XML is still parsed without DOCTYPEs.
    String evil = "<!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>" + INNER.replace(SECRET_TEXT, "&xxe;");
    SealedCallback sealed = crypto.seal(evil, NOW, NONCE);
    String inner = crypto.openMessage(sealed.msgSignature(), NOW, NONCE, sealed.body().getBytes());
    assertRejected(Reason.MALFORMED_BODY, () -> new InboundParser().parse(inner));
  }

  @Test
  void oversizedBodyIsRefusedBeforeParsing() {
    byte[] huge = new byte[65_537];
    Arrays.fill(huge, (byte) '<');
    assertRejected(Reason.BODY_TOO_LARGE, () -> open(POST_SIGNATURE, NOW, huge));
    CallbackCrypto small = new CallbackCrypto(new WeComProperties(CORP_ID, AGENT_ID, "s", TOKEN, AES_KEY,
        "http://localhost", Duration.ofMinutes(5), 200), clockAt(NOW));
    SealedCallback sealed = small.seal(INNER, NOW, NONCE);
    assertRejected(Reason.BODY_TOO_LARGE, () -> small.openMessage(sealed.msgSignature(), NOW, NONCE,
        sealed.body().getBytes()));
  }

  @Test
  void tamperedOuterAgentIdNeverOverridesTheSignedInnerOne() {
    SealedCallback sealed = crypto.seal(INNER, NOW, NONCE);
    String tampered = sealed.body()
        .replace("<AgentID><![CDATA[218]]></AgentID>", "<AgentID><![CDATA[999999]]></AgentID>");
    String removed = sealed.body().replace("<AgentID><![CDATA[218]]></AgentID>", "");
    assertThat(tampered).contains("999999");
    for (String body : new String[] {tampered, removed}) {
      InboundMessage message = new InboundParser().parse(open(sealed.msgSignature(), NOW, body.getBytes()));
      assertThat(message.agentId()).isEqualTo(218);
    }
  }

  @Test
  void refusalsCarryNoSecretsInTheirMessages() {
    CallbackRejectedException wrongCorp = catchThrowableOfType(CallbackRejectedException.class, () -> {
      SealedCallback other = crypto("wwffffffffffffffff", NOW).seal(INNER, NOW, NONCE);
      open(other.msgSignature(), NOW, other.body().getBytes());
    });
    assertClean(wrongCorp);
    assertClean(catchThrowableOfType(CallbackRejectedException.class,
        () -> crypto.openMessage(POST_SIGNATURE, NOW, "", POST_BODY.getBytes())));
    assertThat(wrongCorp.getCause()).isNull();
    assertThat(wrongCorp.getStackTrace()).isEmpty();
  }

  private String open(String signature, String timestamp, byte[] body) {
    return crypto.openMessage(signature, timestamp, NONCE, body);
  }

  private static byte[] withByte(byte[] bytes, int index, int value) {
    bytes[index] = (byte) value;
    return bytes;
  }

  private static void assertRejected(Reason reason, ThrowingCallable call) {
    CallbackRejectedException e = catchThrowableOfType(CallbackRejectedException.class, call);
    assertThat(e).as("expected a refusal for %s", reason).isNotNull();
    assertThat(e.reason()).isEqualTo(reason);
    assertClean(e);
  }

  private static void assertClean(CallbackRejectedException e) {
    assertThat(e).isNotNull();
    assertThat(e.getMessage()).doesNotContain(TOKEN, AES_KEY, AES_KEY.substring(0, 12), SECRET_TEXT, "lvliping",
        "app-secret", POST_ENCRYPT.substring(0, 16));
  }
}
