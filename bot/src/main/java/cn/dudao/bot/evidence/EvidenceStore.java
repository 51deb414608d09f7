package cn.dudao.bot.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where photo bytes live: content-addressed by SHA-256, so the same bytes are stored once whoever sends
 * them how often. The filesystem under {@code dudao.evidence.media-root} by default; several nodes share
 * one volume or an object store behind this same interface (see deploy/media-storage.md). Keys are only
 * ever SHA-256 hex strings computed here, never names a user chose.
 */
public interface EvidenceStore {

  /** Stores {@code content} under its SHA-256 and returns that key; storing it again changes nothing. */
  String put(byte[] content) throws IOException;

  /** The content under {@code key}, or empty when there is none. */
  Optional<InputStream> open(String key) throws IOException;

  boolean contains(String key) throws IOException;

  /** Returns {@code key} when it is a lower-case SHA-256 hex string; refuses anything else. */
  static String requireKey(String key) {
    if (!isKey(key)) {
      throw new IllegalArgumentException("not an evidence key");
    }
    return key;
  }

  static boolean isKey(String key) {
    return key != null && Keys.SHA256.matcher(key).matches();
  }

  /** Holder of the key pattern (interfaces cannot have private constants). */
  final class Keys {
    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private Keys() {
    }
  }
}
