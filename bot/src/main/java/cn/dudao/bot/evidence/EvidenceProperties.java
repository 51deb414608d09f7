package cn.dudao.bot.evidence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Evidence settings ({@code dudao.evidence.*}).
 *
 * @param mediaRoot         where the filesystem store keeps photos; several nodes must share it
 * @param maxPhotoSize      the largest photo accepted (WeCom's own limit for images is 10 MB)
 * @param maxPixels         the largest photo in pixels, so a small file cannot claim a huge image
 * @param thumbnailSize     the longer side of a thumbnail, in pixels
 * @param downloadAttempts  how often a photo download is tried before the inspector is told
 * @param downloadBackoff   the pause after the first failed try; doubled after each further one
 * @param takenBefore       how long before the inspection started a photo may have been taken
 * @param takenAfter        clock skew allowed after the photo arrived
 * @param maxDistanceKm     how far from the village a photo or location may be before it is flagged
 * @param zone              the zone of EXIF times that carry no offset (cameras write local time)
 * @param store             where photo bytes live: {@code filesystem} (under {@code media-root}) or {@code s3}
 *                          (an S3-compatible bucket, {@code dudao.evidence.s3.*}; see deploy/media-storage.md)
 */
@ConfigurationProperties("dudao.evidence")
public record EvidenceProperties(
    @DefaultValue("./data/media") Path mediaRoot,
    @DefaultValue("10MB") DataSize maxPhotoSize,
    @DefaultValue("60000000") long maxPixels,
    @DefaultValue("320") int thumbnailSize,
    @DefaultValue("4") int downloadAttempts,
    @DefaultValue("1s") Duration downloadBackoff,
    @DefaultValue("12h") Duration takenBefore,
    @DefaultValue("10m") Duration takenAfter,
    @DefaultValue("10") double maxDistanceKm,
    @DefaultValue("Asia/Shanghai") ZoneId zone,
    @DefaultValue("filesystem") Store store) {

  /** The kinds of {@link EvidenceStore}. */
  public enum Store { FILESYSTEM, S3 }

  public EvidenceProperties {
    if (downloadAttempts < 1) {
      throw new IllegalArgumentException("dudao.evidence.download-attempts must be at least 1");
    }
  }
}
