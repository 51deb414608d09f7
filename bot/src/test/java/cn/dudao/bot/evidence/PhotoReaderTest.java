package cn.dudao.bot.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dudao.bot.testsupport.TestPhotos;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class PhotoReaderTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final long TEN_MB = 10L * 1024 * 1024;
  private static final long MAX_PIXELS = 60_000_000L;

  @Test
  void readsCaptureTimeGpsAndOrientationFromExif() throws Exception {
    byte[] jpeg = TestPhotos.jpeg(64, 48, 1,
        new TestPhotos.Exif(LocalDateTime.of(2021, 10, 26, 10, 15, 30), null, 40.1833, 112.4667, 6));

    PhotoReader.Facts facts = PhotoReader.read(jpeg, TEN_MB, MAX_PIXELS, SHANGHAI);

    assertThat(facts.mediaType()).isEqualTo("image/jpeg");
    assertThat(facts.width()).isEqualTo(64);
    assertThat(facts.height()).isEqualTo(48);
    // No offset tag: the camera's local time is read in the plan's zone (UTC+8).
    assertThat(facts.takenAt()).isEqualTo(LocalDateTime.of(2021, 10, 26, 10, 15, 30).atZone(SHANGHAI).toInstant());
    assertThat(facts.latitude()).isCloseTo(40.1833, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(facts.longitude()).isCloseTo(112.4667, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(facts.orientation()).isEqualTo(6);
  }

  @Test
  void anExifOffsetWinsOverTheDefaultZone() throws Exception {
    byte[] jpeg = TestPhotos.jpeg(32, 32, 2,
        new TestPhotos.Exif(LocalDateTime.of(2021, 10, 26, 10, 0), "+00:00", null, null, null));

    PhotoReader.Facts facts = PhotoReader.read(jpeg, TEN_MB, MAX_PIXELS, SHANGHAI);

    assertThat(facts.takenAt()).isEqualTo(LocalDateTime.of(2021, 10, 26, 10, 0).atZone(ZoneId.of("UTC")).toInstant());
    assertThat(facts.latitude()).isNull();
  }

  @Test
  void aPhotoWithoutExifHasNoTimeOrPlaceButIsAccepted() throws Exception {
    PhotoReader.Facts png = PhotoReader.read(TestPhotos.png(20, 10, 3), TEN_MB, MAX_PIXELS, SHANGHAI);
    assertThat(png.mediaType()).isEqualTo("image/png");
    assertThat(png.width()).isEqualTo(20);
    assertThat(png.takenAt()).isNull();
    assertThat(png.latitude()).isNull();
    assertThat(png.orientation()).isEqualTo(1);
  }

  @Test
  void anUnsetCameraClockCountsAsNoTime() throws Exception {
    byte[] jpeg = TestPhotos.jpeg(16, 16, 4,
        new TestPhotos.Exif(LocalDateTime.of(1970, 1, 1, 0, 0), null, null, null, null));
    assertThat(PhotoReader.read(jpeg, TEN_MB, MAX_PIXELS, SHANGHAI).takenAt()).isNull();
  }

  @Test
  void theTypeComesFromTheMagicBytesNotTheName() {
    assertThat(PhotoReader.mediaType(TestPhotos.jpeg(8, 8, 5, null))).isEqualTo("image/jpeg");
    assertThat(PhotoReader.mediaType(TestPhotos.png(8, 8, 5))).isEqualTo("image/png");
    assertThat(PhotoReader.mediaType("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(PhotoReader.mediaType("<html>".getBytes(StandardCharsets.US_ASCII))).isNull();
    assertThat(PhotoReader.mediaType(new byte[] {(byte) 0xFF, (byte) 0xD8})).isNull();
    assertThat(PhotoReader.mediaType(new byte[0])).isNull();
  }

  @Test
  void refusesWhatIsNotAJpegOrPng() {
    assertRefused("GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1), MediaOutcome.NOT_IMAGE);
    assertRefused("{\"errcode\":40007}".getBytes(StandardCharsets.UTF_8), MediaOutcome.NOT_IMAGE);
    // JPEG magic bytes followed by garbage: no readable header.
    byte[] fake = new byte[2048];
    Arrays.fill(fake, (byte) 0x41);
    fake[0] = (byte) 0xFF;
    fake[1] = (byte) 0xD8;
    fake[2] = (byte) 0xFF;
    assertRefused(fake, MediaOutcome.NOT_IMAGE);
  }

  @Test
  void refusesWhatIsTooLargeBeforeLookingAtIt() {
    byte[] big = new byte[(int) TEN_MB + 1];
    big[0] = (byte) 0xFF;
    assertRefused(big, MediaOutcome.TOO_LARGE);
  }

  @Test
  void refusesASmallFileThatClaimsAHugeImage() {
    byte[] png = withPngSize(TestPhotos.png(10, 10, 6), 100_000, 100_000);
    assertRefused(png, MediaOutcome.TOO_MANY_PIXELS);
  }

  private static void assertRefused(byte[] bytes, MediaOutcome outcome) {
    assertThatThrownBy(() -> PhotoReader.read(bytes, TEN_MB, MAX_PIXELS, SHANGHAI))
        .isInstanceOfSatisfying(PhotoRejectedException.class, e -> assertThat(e.outcome()).isEqualTo(outcome));
  }

  /** Rewrites the IHDR width and height (and its CRC) of a PNG. */
  static byte[] withPngSize(byte[] png, int width, int height) {
    byte[] out = png.clone();
    ByteBuffer b = ByteBuffer.wrap(out);
    b.putInt(16, width).putInt(20, height);
    CRC32 crc = new CRC32();
    crc.update(out, 12, 17);
    b.putInt(29, (int) crc.getValue());
    return out;
  }
}
