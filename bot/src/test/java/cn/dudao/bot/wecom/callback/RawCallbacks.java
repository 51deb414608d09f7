package cn.dudao.bot.wecom.callback;

import static cn.dudao.bot.wecom.callback.WeComSamples.AES_KEY;
import static cn.dudao.bot.wecom.callback.WeComSamples.TOKEN;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.SHA1;

/** Builds callbacks byte by byte, so tests can forge what {@link CallbackCrypto#seal} never would. */
final class RawCallbacks {

  private RawCallbacks() {
  }

  /** 16 random bytes, the 4-byte length (possibly lying), the message, the receive id: not yet padded. */
  static byte[] frame(String message, int declaredLength, String receiveId) {
    byte[] msg = message.getBytes(StandardCharsets.UTF_8);
    byte[] id = receiveId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(20 + msg.length + id.length).put(new byte[16]).putInt(declaredLength)
        .put(msg).put(id).array();
  }

  /** Appends {@code count} bytes of value {@code value} (correct PKCS#7 when both are equal). */
  static byte[] pad(byte[] frame, int count, int value) {
    byte[] padded = Arrays.copyOf(frame, frame.length + count);
    Arrays.fill(padded, frame.length, padded.length, (byte) value);
    return padded;
  }

  static int padFor(int length) {
    return 32 - length % 32;
  }

  /** AES-256-CBC without padding under the sample key, then Base64: the Encrypt element's content. */
  static String encrypt(byte[] plaintext) {
    try {
      byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
      Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
      return Base64.getEncoder().encodeToString(cipher.doFinal(plaintext));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(String timestamp, String nonce, String encrypt) {
    return SHA1.gen(TOKEN, timestamp, nonce, encrypt);
  }

  static byte[] body(String encrypt, String agentId) {
    return ("<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[" + encrypt
        + "]]></Encrypt><AgentID><![CDATA[" + agentId + "]]></AgentID></xml>").getBytes(StandardCharsets.UTF_8);
  }

  static String encryptOf(SealedCallback sealed) {
    String body = sealed.body();
    int start = body.indexOf("<Encrypt><![CDATA[") + "<Encrypt><![CDATA[".length();
    return body.substring(start, body.indexOf("]]></Encrypt>"));
  }
}
