package cn.dudao.bot.wecom.callback;

/**
 * A callback as WeCom POSTs it: the outer XML body and the query parameters that sign it
 * ({@code msg_signature}, {@code timestamp}, {@code nonce}). Produced by {@link CallbackCrypto#seal} for
 * tests and the load driver.
 *
 * @param body          the outer XML: ToUserName, Encrypt, AgentID
 * @param msgSignature  the {@code msg_signature} query parameter
 * @param timestamp     the {@code timestamp} query parameter (epoch seconds)
 * @param nonce         the {@code nonce} query parameter
 */
public record SealedCallback(String body, String msgSignature, String timestamp, String nonce) {
}
