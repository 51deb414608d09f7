package cn.dudao.bot.wecom.callback;

import cn.dudao.bot.wecom.callback.CallbackRejectedException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * The AES layer of WeCom's "加解密方案说明" (developer.work.weixin.qq.com/document/path/90968):
 * AESKey = Base64_Decode(EncodingAESKey + "="), AES-256-CBC, IV = the first 16 key bytes, PKCS#7
 * padding to a multiple of 32; plaintext = 16 random bytes, a 4-byte big-endian length, the message,
 * the receive id (the corp id). WxJava decodes the key and encrypts; decryption is strict here because
 * WxJava's skips non-Base64 junk, ignores bad padding and never checks the receive id.
 */
final class WeComCipher extends WxCryptUtil {

  private static final Pattern ENCODING_AES_KEY = Pattern.compile("[A-Za-z0-9]{43}");
  private static final int BLOCK = 16;
  private static final int MAX_PAD = 32;
  private static final int HEADER = 20;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHANUMERIC =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(() -> {
    try {
      return Cipher.getInstance("AES/CBC/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC/NoPadding unavailable", e);
    }
  });

  private final SecretKeySpec keySpec;
  private final IvParameterSpec iv;
  private final byte[] receiveId;

  WeComCipher(String token, String encodingAesKey, String receiveId) {
    super(token, requireKeyShape(encodingAesKey), receiveId);
    if (aesKey == null || aesKey.length != 32) {
      throw new IllegalArgumentException("dudao.wecom.aes-key does not decode to a 256-bit key");
    }
    this.keySpec = new SecretKeySpec(aesKey, "AES");
    this.iv = new IvParameterSpec(aesKey, 0, BLOCK);
    this.receiveId = receiveId.getBytes(StandardCharsets.UTF_8);
  }

  /** Strict replacement for WxJava's lenient decrypt, so no inherited path can bypass the checks. */
  @Override
  public String decrypt(String encrypt) {
    return open(decode(encrypt));
  }

  /** Decrypts a {@link #decode decoded} Encrypt and checks padding, length field and receive id. */
  String open(byte[] sealed) {
    byte[] plain;
    try {
      Cipher cipher = CIPHER.get();
      cipher.init(Cipher.DECRYPT_MODE, keySpec, iv);
      plain = cipher.doFinal(sealed);
    } catch (GeneralSecurityException e) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "Encrypt cannot be decrypted");
    }
    int end = plain.length - padding(plain);
    if (end < HEADER) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "plaintext shorter than its header");
    }
    int length = (plain[16] & 0xff) << 24 | (plain[17] & 0xff) << 16 | (plain[18] & 0xff) << 8 | plain[19] & 0xff;
    if (length < 0 || length > end - HEADER) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "length field out of bounds");
    }
    byte[] receivedId = Arrays.copyOfRange(plain, HEADER + length, end);
    if (!MessageDigest.isEqual(receivedId, receiveId)) {
      throw new CallbackRejectedException(Reason.WRONG_RECEIVER, "payload is addressed to another corp");
    }
    return new String(plain, HEADER, length, StandardCharsets.UTF_8);
  }

  /** Encrypts {@code plaintext} with a fresh random prefix, as WeCom does; returns the Base64 Encrypt. */
  String seal(String plaintext) {
    char[] prefix = new char[16];
    for (int i = 0; i < prefix.length; i++) {
      prefix[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
    }
    return encrypt(new String(prefix), plaintext);
  }

  /** Strict Base64 (no junk skipped, padding required) of a whole number of AES blocks, at least two. */
  static byte[] decode(String encrypt) {
    if (encrypt == null || encrypt.isEmpty() || encrypt.length() % 4 != 0) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "Encrypt is not padded Base64");
    }
    byte[] sealed;
    try {
      sealed = Base64.getDecoder().decode(encrypt);
    } catch (IllegalArgumentException e) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "Encrypt is not strict Base64");
    }
    if (sealed.length < 2 * BLOCK || sealed.length % BLOCK != 0) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "Encrypt length is not a multiple of the AES block");
    }
    return sealed;
  }

  /** PKCS#7 with WeCom's 32-byte block: the last byte n (1..32) repeated n times. */
  private static int padding(byte[] plain) {
    int pad = plain[plain.length - 1] & 0xff;
    boolean ok = pad >= 1 && pad <= MAX_PAD && pad <= plain.length;
    for (int i = plain.length - (ok ? pad : 0); i < plain.length; i++) {
      ok &= (plain[i] & 0xff) == pad;
    }
    if (!ok) {
      throw new CallbackRejectedException(Reason.BAD_CIPHERTEXT, "bad PKCS#7 padding");
    }
    return pad;
  }

  private static String requireKeyShape(String encodingAesKey) {
    if (encodingAesKey == null || !ENCODING_AES_KEY.matcher(encodingAesKey).matches()) {
      throw new IllegalArgumentException("dudao.wecom.aes-key must be the 43-character EncodingAESKey");
    }
    return encodingAesKey;
  }
}
