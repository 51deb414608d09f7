package cn.dudao.bot.evidence;

/** A photo download that did not work this time; worth another try. */
public class MediaUnavailableException extends Exception {

  public MediaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
