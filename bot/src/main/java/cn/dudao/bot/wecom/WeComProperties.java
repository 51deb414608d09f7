package cn.dudao.bot.wecom;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WeCom app Dudao speaks for ({@code dudao.wecom.*}). When {@code corpId} is blank the WeCom channel
 * is off and only the simulator is served. Secrets never appear in {@link #toString()}.
 *
 * @param corpId        the enterprise's corp id; also the receive id inside every decrypted payload
 * @param agentId       the self-built app's agent id
 * @param secret        the app secret used for the access token
 * @param token         the callback token used in signatures
 * @param aesKey        the 43-character EncodingAESKey
 * @param apiBaseUrl    the WeCom server API base URL (tests point it at WireMock)
 * @param replayWindow  how far a callback's timestamp may lie from now before it is refused
 * @param maxBodyBytes  the largest callback body accepted
 */
@ConfigurationProperties("dudao.wecom")
public record WeComProperties(
    String corpId,
    Integer agentId,
    String secret,
    String token,
    String aesKey,
    @DefaultValue("https://qyapi.weixin.qq.com") String apiBaseUrl,
    @DefaultValue("5m") Duration replayWindow,
    @DefaultValue("65536") int maxBodyBytes) {

  /** True when a WeCom app is configured; otherwise Dudao runs with the simulator only. */
  public boolean enabled() {
    return corpId != null && !corpId.isBlank();
  }

  @Override
  public String toString() {
    return "WeComProperties[corpId=" + corpId + ", agentId=" + agentId + ", apiBaseUrl=" + apiBaseUrl
        + ", secret=" + mask(secret) + ", token=" + mask(token) + ", aesKey=" + mask(aesKey)
        + ", replayWindow=" + replayWindow + ", maxBodyBytes=" + maxBodyBytes + "]";
  }

  private static String mask(String value) {
    return value == null || value.isEmpty() ? "(unset)" : "******";
  }
}
