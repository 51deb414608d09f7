package cn.dudao.bot.wecom;

import cn.dudao.bot.evidence.MediaDownloader;
import cn.dudao.bot.evidence.MediaOutcome;
import cn.dudao.bot.evidence.MediaUnavailableException;
import cn.dudao.bot.evidence.PhotoRejectedException;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import org.springframework.stereotype.Component;

/**
 * Downloads a photo through WeCom {@code media/get} with WxJava's media service
 * (https://developer.work.weixin.qq.com/document/path/90254). A media id is only ever used as that:
 * WxJava appends it to the query unescaped, so anything but WeCom's id characters is refused before a
 * request is made. WxJava writes the download to a temporary file, which is removed here.
 */
@Component
class WeComMediaDownloader implements MediaDownloader {

  /** WeCom media ids are URL-safe base64-like strings. */
  private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_\\-]{1,256}");

  private final WxCpService service;

  WeComMediaDownloader(WxCpService service) {
    this.service = service;
  }

  static boolean isMediaId(String mediaId) {
    return mediaId != null && MEDIA_ID.matcher(mediaId).matches();
  }

  @Override
  public byte[] download(String mediaId, long maxBytes) throws MediaUnavailableException, PhotoRejectedException {
    if (!isMediaId(mediaId)) {
      throw new PhotoRejectedException(MediaOutcome.BAD_MEDIA_ID, "malformed media id");
    }
    File file;
    try {
      file = service.getMediaService().download(mediaId);
    } catch (WxErrorException | RuntimeException e) {
      // An errcode arrives as a WxErrorException, a network failure as a WxRuntimeException.
      throw new MediaUnavailableException("media/get failed: " + e.getMessage(), e);
    }
    if (file == null) {
      throw new MediaUnavailableException("media/get returned nothing", null);
    }
    try {
      if (file.length() > maxBytes) {
        throw new PhotoRejectedException(MediaOutcome.TOO_LARGE, file.length() + " bytes");
      }
      byte[] bytes = Files.readAllBytes(file.toPath());
      if (looksLikeError(bytes)) {
        throw new MediaUnavailableException("media/get answered with an error body", null);
      }
      return bytes;
    } catch (IOException e) {
      throw new MediaUnavailableException("reading the download failed", e);
    } finally {
      try {
        Files.deleteIfExists(file.toPath());
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }

  /** WeCom answers some errors with a JSON body under a non-JSON content type, which WxJava saves. */
  private static boolean looksLikeError(byte[] bytes) {
    if (bytes.length == 0 || bytes.length > 4096 || bytes[0] != '{') {
      return false;
    }
    return new String(bytes, StandardCharsets.UTF_8).contains("\"errcode\"");
  }
}
