package cn.dudao.bot.evidence;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way photo bytes enter the evidence store, from WeCom or the simulator alike: check them,
 * read their EXIF, store the original and a thumbnail. Storing is idempotent (content addressed), so
 * a retry or a second node doing the same photo changes nothing.
 */
@Component
public class PhotoIntake {

  private static final Logger log = LoggerFactory.getLogger(PhotoIntake.class);

  private final EvidenceStore store;
  private final EvidenceProperties properties;

  PhotoIntake(EvidenceStore store, EvidenceProperties properties) {
    this.store = store;
    this.properties = properties;
  }

  /** Checks and stores a photo; refuses one that is too large, not a JPEG or PNG, or too many pixels. */
  public StoredPhoto ingest(byte[] bytes) throws PhotoRejectedException, IOException {
    PhotoReader.Facts facts = PhotoReader.read(bytes, properties.maxPhotoSize().toBytes(), properties.maxPixels(),
        properties.zone());
    byte[] preview = null;
    try {
      preview = Thumbnails.jpeg(bytes, facts, properties.thumbnailSize());
    } catch (IOException | RuntimeException undecodable) {
      // The header was readable, so the photo is kept; only its preview is missing.
      log.warn("No thumbnail for a {} photo of {}x{}: {}", facts.mediaType(), facts.width(), facts.height(),
          undecodable.toString());
    }
    // A store that fails is the caller's to retry (no evidence is recorded meanwhile), for the preview too.
    String thumb = preview == null ? null : store.put(preview);
    String key = store.put(bytes);
    return new StoredPhoto(key, facts.mediaType(), bytes.length, facts.width(), facts.height(), thumb,
        facts.takenAt(), facts.latitude(), facts.longitude());
  }

  /** Ingests a photo already in the store (the simulator uploads there first). */
  public StoredPhoto ingestStored(String key) throws PhotoRejectedException, IOException {
    if (!EvidenceStore.isKey(key)) {
      throw new PhotoRejectedException(MediaOutcome.BAD_MEDIA_ID, "not a store key");
    }
    try (InputStream in = store.open(key).orElseThrow(() -> new IOException("no stored photo " + key))) {
      return ingest(in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, properties.maxPhotoSize().toBytes() + 1)));
    }
  }
}
