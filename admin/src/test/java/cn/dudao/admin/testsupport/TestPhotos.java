package cn.dudao.admin.testsupport;

import cn.dudao.admin.problems.EvidencePhotos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the evidence store in console tests: every photo a test chat sent has a small PNG
 * thumbnail; anything else is not a stored photo.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPhotos {

  public static final byte[] PNG = png();

  @Bean
  @Primary
  EvidencePhotos testEvidencePhotos() {
    return id -> id.startsWith("wecom-media:") ? Optional.of(new EvidencePhotos.Photo(PNG, true)) : Optional.empty();
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x1f5fa8));
    g.fillRect(0, 0, 32, 24);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
