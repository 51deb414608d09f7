package cn.dudao.bot.evidence;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Small JPEG previews for pages and exports. The photo is decoded subsampled (a 4000-pixel photo is
 * read at about twice the thumbnail size, never whole), turned upright by its EXIF orientation and
 * drawn on white (PNG transparency has no place in a JPEG).
 */
final class Thumbnails {

  private static final float QUALITY = 0.8f;

  private Thumbnails() {
  }

  static byte[] jpeg(byte[] photo, PhotoReader.Facts facts, int size) throws IOException {
    BufferedImage source = decodeSubsampled(photo, facts, size);
    boolean quarterTurn = facts.orientation() >= 5 && facts.orientation() <= 8;
    int srcW = quarterTurn ? source.getHeight() : source.getWidth();
    int srcH = quarterTurn ? source.getWidth() : source.getHeight();
    double scale = Math.min(1.0, (double) size / Math.max(srcW, srcH));
    int w = Math.max(1, (int) Math.round(srcW * scale));
    int h = Math.max(1, (int) Math.round(srcH * scale));
    BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = thumb.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, upright(facts.orientation(), source.getWidth(), source.getHeight(), scale), null);
    } finally {
      g.dispose();
    }
    return encode(thumb);
  }

  private static BufferedImage decodeSubsampled(byte[] photo, PhotoReader.Facts facts, int size) throws IOException {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(PhotoReader.format(facts.mediaType()));
    ImageReader reader = readers.next();
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
      reader.setInput(in, true, true);
      ImageReadParam param = reader.getDefaultReadParam();
      int step = Math.max(1, Math.max(facts.width(), facts.height()) / (size * 2));
      param.setSourceSubsampling(step, step, 0, 0);
      BufferedImage image = reader.read(0, param);
      if (image == null) {
        throw new IOException("no image decoded");
      }
      return image;
    } finally {
      reader.dispose();
    }
  }

  /** Scales, then applies EXIF orientation 2–8 (mirrors and quarter turns) around the image. */
  static AffineTransform upright(int orientation, int w, int h, double scale) {
    AffineTransform t = new AffineTransform();
    t.scale(scale, scale);
    switch (orientation) {
      case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
      case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
      case 4 -> { t.translate(0, h); t.scale(1, -1); }
      case 5 -> { t.rotate(Math.PI / 2); t.scale(1, -1); }
      case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
      case 7 -> { t.translate(h, w); t.rotate(-Math.PI / 2); t.scale(1, -1); }
      case 8 -> { t.translate(0, w); t.rotate(-Math.PI / 2); }
      default -> { }
    }
    return t;
  }

  private static byte[] encode(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(QUALITY);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
