package cn.dudao.bot.evidence;

import com.drew.imaging.ImageMetadataReader;
import com.drew.lang.GeoLocation;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Iterator;
import java.util.TimeZone;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks a photo before anything is stored: size, type by magic bytes (JPEG or PNG only, whatever name
 * or type it came with), dimensions from the header (so a small file cannot claim a huge image), then
 * reads EXIF capture time, GPS and orientation where present. Metadata that cannot be read is treated
 * as absent: a photo is never refused for its EXIF.
 */
final class PhotoReader {

  static final String JPEG = "image/jpeg";
  static final String PNG = "image/png";
  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  /** EXIF clocks that are plainly wrong (unset cameras say 1970 or 2000) count as no time at all. */
  private static final int FIRST_YEAR = 1990;
  private static final int LAST_YEAR = 2100;

  /** What the checks found. {@code orientation} is the EXIF orientation (1 = upright). */
  record Facts(String mediaType, int width, int height, Instant takenAt, Double latitude, Double longitude,
               int orientation) {}

  static {
    // Streams over byte arrays need no disk cache; with it, ImageIO writes temporary files.
    ImageIO.setUseCache(false);
  }

  private PhotoReader() {
  }

  static Facts read(byte[] bytes, long maxBytes, long maxPixels, ZoneId zone) throws PhotoRejectedException {
    if (bytes.length > maxBytes) {
      throw new PhotoRejectedException(MediaOutcome.TOO_LARGE, bytes.length + " bytes");
    }
    String type = mediaType(bytes);
    if (type == null) {
      throw new PhotoRejectedException(MediaOutcome.NOT_IMAGE, "neither JPEG nor PNG magic bytes");
    }
    int[] size = dimensions(bytes, type);
    if ((long) size[0] * size[1] > maxPixels) {
      throw new PhotoRejectedException(MediaOutcome.TOO_MANY_PIXELS, size[0] + "x" + size[1]);
    }
    Metadata metadata = metadata(bytes);
    GeoLocation where = gps(metadata);
    return new Facts(type, size[0], size[1], takenAt(metadata, zone),
        where == null ? null : where.getLatitude(), where == null ? null : where.getLongitude(),
        orientation(metadata));
  }

  /** {@code image/jpeg} or {@code image/png} by the first bytes, or null. */
  static String mediaType(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
      return JPEG;
    }
    if (b.length >= PNG_MAGIC.length) {
      for (int i = 0; i < PNG_MAGIC.length; i++) {
        if (b[i] != PNG_MAGIC[i]) {
          return null;
        }
      }
      return PNG;
    }
    return null;
  }

  static String format(String mediaType) {
    return JPEG.equals(mediaType) ? "jpeg" : "png";
  }

  private static int[] dimensions(byte[] bytes, String type) throws PhotoRejectedException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format(type));
    if (!readers.hasNext()) {
      throw new IllegalStateException("the JDK has no " + type + " reader");
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width <= 0 || height <= 0) {
        throw new PhotoRejectedException(MediaOutcome.NOT_IMAGE, "no dimensions");
      }
      return new int[] {width, height};
    } catch (IOException | RuntimeException unreadable) {
      throw new PhotoRejectedException(MediaOutcome.NOT_IMAGE, "unreadable header: " + unreadable);
    } finally {
      reader.dispose();
    }
  }

  private static Metadata metadata(byte[] bytes) {
    try {
      return ImageMetadataReader.readMetadata(new ByteArrayInputStream(bytes), bytes.length);
    } catch (Exception | StackOverflowError unreadable) {
      return new Metadata();
    }
  }

  private static Instant takenAt(Metadata metadata, ZoneId zone) {
    ExifSubIFDDirectory exif = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
    if (exif == null) {
      return null;
    }
    // The EXIF offset tag (OffsetTimeOriginal) wins where present; otherwise the plan's zone.
    Date original = exif.getDateOriginal(TimeZone.getTimeZone(zone));
    if (original == null) {
      return null;
    }
    int year = ZonedDateTime.ofInstant(original.toInstant(), zone).getYear();
    return year < FIRST_YEAR || year > LAST_YEAR ? null : original.toInstant();
  }

  private static GeoLocation gps(Metadata metadata) {
    GpsDirectory gps = metadata.getFirstDirectoryOfType(GpsDirectory.class);
    GeoLocation location = gps == null ? null : gps.getGeoLocation();
    if (location == null || location.isZero() || Double.isNaN(location.getLatitude())
        || Math.abs(location.getLatitude()) > 90 || Math.abs(location.getLongitude()) > 180) {
      return null;
    }
    return location;
  }

  private static int orientation(Metadata metadata) {
    ExifIFD0Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
    Integer value = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
    return value == null ? 1 : value;
  }
}
