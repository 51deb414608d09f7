package cn.dudao.bot.evidence;

/**
 * How fetching one photo ended. Everything but {@link #STORED} leaves the open question open, and the
 * inspector reads {@link #message()}.
 */
public enum MediaOutcome {
  STORED(""),
  TOO_LARGE("这张照片超过 10 MB，未能保存。请压缩后重新发送（发送时不要勾选“原图”）。"),
  NOT_IMAGE("收到的文件不是照片（只支持 JPG、PNG 格式），未能保存。请重新拍照或从相册选择照片发送。"),
  TOO_MANY_PIXELS("这张照片的尺寸过大，未能保存。请压缩后重新发送（发送时不要勾选“原图”）。"),
  DOWNLOAD_FAILED("这张照片多次下载失败，未能保存。请重新发送这张照片。"),
  BAD_MEDIA_ID("这张照片无法从企业微信获取，未能保存。请重新发送这张照片。");

  private final String message;

  MediaOutcome(String message) {
    this.message = message;
  }

  /** What the inspector is told, in Chinese; empty for {@link #STORED}. */
  public String message() {
    return message;
  }
}
