package cn.dudao.bot.testsupport;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Photos for tests: JPEGs and PNGs drawn from a seed (so different seeds give different bytes and
 * hashes), with EXIF written by hand exactly as a phone camera does (TIFF in an APP1 segment:
 * DateTimeOriginal, OffsetTimeOriginal, GPS latitude and longitude, orientation).
 */
public final class TestPhotos {

  /** EXIF to embed; any part may be null. {@code offset} is OffsetTimeOriginal such as "+08:00". */
  public record Exif(LocalDateTime takenAt, String offset, Double latitude, Double longitude, Integer orientation) {
    public static Exif none() {
      return new Exif(null, null, null, null, null);
    }
  }

  private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

  private TestPhotos() {
  }

  public static byte[] jpeg(int width, int height, int seed, Exif exif) {
    byte[] plain = encode(draw(width, height, seed), "jpeg");
    return exif == null || exif.equals(Exif.none()) ? plain : withExif(plain, tiff(exif));
  }

  public static byte[] png(int width, int height, int seed) {
    return encode(draw(width, height, seed), "png");
  }

  private static BufferedImage draw(int width, int height, int seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(random.nextInt(0xFFFFFF)));
    g.fillRect(0, 0, width, height);
    for (int i = 0; i < 20; i++) {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillRect(random.nextInt(width), random.nextInt(height), 1 + random.nextInt(width / 2 + 1),
          1 + random.nextInt(height / 2 + 1));
    }
    g.dispose();
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Inserts an APP1 Exif segment after SOI and the JFIF APP0 segment. */
  private static byte[] withExif(byte[] jpeg, byte[] tiff) {
    int at = 2;
    if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
      at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    }
    byte[] header = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    int length = 2 + header.length + tiff.length;
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + 2 + length);
    out.put(jpeg, 0, at);
    out.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(header).put(tiff);
    out.put(jpeg, at, jpeg.length - at);
    return out.array();
  }

  /** A big-endian TIFF block: IFD0 (orientation, Exif and GPS pointers), the Exif IFD and the GPS IFD. */
  static byte[] tiff(Exif exif) {
    ByteBuffer b = ByteBuffer.allocate(1024);
    b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
    int ifd0Entries = 3;
    int exifIfd = 8 + 2 + 12 * ifd0Entries + 4;
    boolean offset = exif.offset() != null;
    int exifEntries = offset ? 2 : 1;
    int exifData = exifIfd + 2 + 12 * exifEntries + 4;
    int gpsIfd = exifData + 20 + 8;
    int gpsEntries = 5;
    int gpsData = gpsIfd + 2 + 12 * gpsEntries + 4;

    b.putShort((short) ifd0Entries);
    entry(b, 0x0112, 3, 1, (exif.orientation() == null ? 1 : exif.orientation()) << 16);
    entry(b, 0x8769, 4, 1, exifIfd);
    entry(b, 0x8825, 4, 1, gpsIfd);
    b.putInt(0);

    b.position(exifIfd);
    b.putShort((short) exifEntries);
    entry(b, 0x9003, 2, 20, exifData);
    if (offset) {
      entry(b, 0x9011, 2, 7, exifData + 20);
    }
    b.putInt(0);
    b.position(exifData);
    String taken = exif.takenAt() == null ? "    :  :     :  :  " : EXIF_TIME.format(exif.takenAt());
    b.put((taken + "\0").getBytes(StandardCharsets.US_ASCII));
    if (offset) {
      b.put((exif.offset() + "\0").getBytes(StandardCharsets.US_ASCII));
    }

    b.position(gpsIfd);
    b.putShort((short) gpsEntries);
    entry(b, 0x0000, 1, 4, 0x02020000);
    boolean hasGps = exif.latitude() != null && exif.longitude() != null;
    double lat = hasGps ? exif.latitude() : 0;
    double lng = hasGps ? exif.longitude() : 0;
    entry(b, 0x0001, 2, 2, (lat >= 0 ? 'N' : 'S') << 24);
    entry(b, 0x0002, 5, 3, gpsData);
    entry(b, 0x0003, 2, 2, (lng >= 0 ? 'E' : 'W') << 24);
    entry(b, 0x0004, 5, 3, gpsData + 24);
    b.putInt(0);
    b.position(gpsData);
    degrees(b, Math.abs(lat));
    degrees(b, Math.abs(lng));
    byte[] out = new byte[b.position()];
    b.flip();
    b.get(out);
    return out;
  }

  private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
    b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
  }

  /** Degrees, minutes and seconds as three RATIONALs (seconds to 1/10000). */
  private static void degrees(ByteBuffer b, double value) {
    int d = (int) value;
    double minutes = (value - d) * 60;
    int m = (int) minutes;
    long s = Math.round((minutes - m) * 60 * 10_000);
    b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) s).putInt(10_000);
  }
}
