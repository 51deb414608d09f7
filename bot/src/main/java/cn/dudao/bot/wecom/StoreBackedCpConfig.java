package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Duration;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.AbstractWxCpInRedisConfigImpl;

/**
 * WxJava's configuration with the token kept in Dudao's shared store; secrets stay out of toString().
 *
 * <p>WxJava asks the store twice per API call (is the token expired? which is it?). A node remembers the
 * shared token for {@link #MEMO} so a send costs no store round trip for it: WeCom returns the same token
 * while it is valid (its life is two hours, the store's copy lapses 200 s early), and a token WeCom
 * refuses (42001, 40014) makes WxJava expire it here, which forgets the memo before it fetches anew.
 */
final class StoreBackedCpConfig extends AbstractWxCpInRedisConfigImpl {

  private static final long serialVersionUID = 1L;
  static final Duration MEMO = Duration.ofSeconds(30);

  private record Memo(String token, long untilNanos) {
  }

  private transient volatile Memo memo;

  StoreBackedCpConfig(KeyValueStore store) {
    this(store, "wecom");
  }

  /** A configuration whose token lives under its own key prefix (e.g. the contacts secret's token). */
  StoreBackedCpConfig(KeyValueStore store, String keyPrefix) {
    super(new StoreRedisOps(store), keyPrefix);
  }

  @Override
  public boolean isAccessTokenExpired() {
    if (fresh() != null) {
      return false;
    }
    if (super.isAccessTokenExpired()) {
      return true;
    }
    String token = super.getAccessToken();
    if (token == null) {
      return true;
    }
    memo = new Memo(token, System.nanoTime() + MEMO.toNanos());
    return false;
  }

  @Override
  public String getAccessToken() {
    Memo current = fresh();
    return current != null ? current.token() : super.getAccessToken();
  }

  @Override
  public void updateAccessToken(String accessToken, int expiresInSeconds) {
    memo = null;
    super.updateAccessToken(accessToken, expiresInSeconds);
  }

  @Override
  public void updateAccessToken(WxAccessToken accessToken) {
    memo = null;
    super.updateAccessToken(accessToken);
  }

  @Override
  public void expireAccessToken() {
    memo = null;
    super.expireAccessToken();
  }

  private Memo fresh() {
    Memo current = memo;
    return current != null && System.nanoTime() - current.untilNanos() < 0 ? current : null;
  }

  @Override
  public String toString() {
    return "StoreBackedCpConfig[corpId=" + getCorpId() + ", agentId=" + getAgentId() + "]";
  }
}
