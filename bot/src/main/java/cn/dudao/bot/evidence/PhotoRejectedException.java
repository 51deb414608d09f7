package cn.dudao.bot.evidence;

/** A photo that cannot be kept: too large, not a JPEG or PNG, or too many pixels. */
public class PhotoRejectedException extends Exception {

  private final MediaOutcome outcome;

  public PhotoRejectedException(MediaOutcome outcome, String detail) {
    super(detail);
    this.outcome = outcome;
  }

  public MediaOutcome outcome() {
    return outcome;
  }
}
