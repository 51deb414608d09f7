package cn.dudao.bot.wecom.callback;

/**
 * A callback Dudao refuses. The {@link Reason} is machine-readable (the controller maps it to a 4xx and a
 * metric); the message is a fixed description that never contains the token, the key, request values or
 * decrypted content, so it is safe to log. No stack trace is captured: rejections are expected input
 * (forgeries, fuzzing), not bugs, and must stay cheap.
 */
public final class CallbackRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a callback was refused. */
  public enum Reason {
    /** msg_signature missing or not sha1(sort(token, timestamp, nonce, Encrypt)). */
    BAD_SIGNATURE,
    /** timestamp missing, not a number, or outside the replay window. */
    STALE_TIMESTAMP,
    /** Not the XML WeCom sends: unparsable, DOCTYPE, missing or duplicate elements. */
    MALFORMED_BODY,
    /** Body larger than {@code dudao.wecom.max-body-bytes}. */
    BODY_TOO_LARGE,
    /** Encrypt is not strict Base64, has a bad length, bad padding or a bad length field. */
    BAD_CIPHERTEXT,
    /** The receive id inside the decrypted payload is not our corp id. */
    WRONG_RECEIVER
  }

  private final Reason reason;

  public CallbackRejectedException(Reason reason, String message) {
    super(reason + ": " + message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
