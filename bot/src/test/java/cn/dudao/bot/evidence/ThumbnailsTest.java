package cn.dudao.bot.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.testsupport.TestPhotos;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

  @Test
  void aLargePhotoBecomesASmallJpegKeepingItsProportions() throws Exception {
    byte[] photo = TestPhotos.jpeg(2000, 1000, 1, null);
    BufferedImage thumb = thumbnail(photo);
    assertThat(thumb.getWidth()).isEqualTo(320);
    assertThat(thumb.getHeight()).isEqualTo(160);
  }

  @Test
  void aPhotoTakenSidewaysIsTurnedUpright() throws Exception {
    byte[] photo = TestPhotos.jpeg(800, 400, 2, new TestPhotos.Exif(null, null, null, null, 6));
    BufferedImage thumb = thumbnail(photo);
    assertThat(thumb.getWidth()).isEqualTo(160);
    assertThat(thumb.getHeight()).isEqualTo(320);
  }

  @Test
  void aSmallPngIsNotEnlargedAndBecomesAJpeg() throws Exception {
    byte[] photo = TestPhotos.png(100, 50, 3);
    byte[] thumb = Thumbnails.jpeg(photo, PhotoReader.read(photo, Long.MAX_VALUE, Long.MAX_VALUE, ZoneId.of("UTC")), 320);
    assertThat(PhotoReader.mediaType(thumb)).isEqualTo("image/jpeg");
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumb));
    assertThat(image.getWidth()).isEqualTo(100);
    assertThat(image.getHeight()).isEqualTo(50);
  }

  private static BufferedImage thumbnail(byte[] photo) throws Exception {
    PhotoReader.Facts facts = PhotoReader.read(photo, Long.MAX_VALUE, Long.MAX_VALUE, ZoneId.of("UTC"));
    return ImageIO.read(new ByteArrayInputStream(Thumbnails.jpeg(photo, facts, 320)));
  }
}
