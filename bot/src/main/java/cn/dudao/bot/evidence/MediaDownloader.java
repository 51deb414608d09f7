package cn.dudao.bot.evidence;

/**
 * Where a channel's photos come from: WeCom's {@code media/get} in production (implemented in the
 * WeCom channel), so this package knows nothing of WeCom itself.
 */
public interface MediaDownloader {

  /**
   * The bytes of {@code mediaId}. Refuses a malformed id or a photo over {@code maxBytes} (without
   * reading it) as {@link PhotoRejectedException}; a failure worth another try is
   * {@link MediaUnavailableException}.
   */
  byte[] download(String mediaId, long maxBytes) throws MediaUnavailableException, PhotoRejectedException;
}
