package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import me.chanjar.weixin.common.bean.WxAccessToken;
import me.chanjar.weixin.cp.config.impl.AbstractWxCpInRedisConfigImpl;

/**
 * WxJava's configuration with the token kept in Dudao's shared store; secrets stay out of toString().
 *
 * <p>WxJava asks the store twice per API call (is the token expired? which is it?). A node remembers the
 * shared token for {@link #MEMO} so a send costs no store round trip for it: WeCom returns the same token
 * while it is valid (its life is two hours, the store's copy lapses 200 s early), and a token WeCom
 * refuses (42001, 40014) makes WxJava expire it here, which forgets the memo before it fetches anew.
 * A memo carries the generation it was read in: a read that overlapped an expiry or a new token (another
 * sender's 42001) may have seen the old token, and its memo is then ignored instead of bringing the
 * refused token back for the memo's life.
 */
final class StoreBackedCpConfig extends AbstractWxCpInRedisConfigImpl {

  private static final long serialVersionUID = 1L;
  static final Duration MEMO = Duration.ofSeconds(30);

  private record Memo(String token, long untilNanos, long generation) {
  }

  private transient volatile Memo memo;
  /** Moved on after every expiry and every new token, once the store holds the change. */
  private final AtomicLong generation = new AtomicLong();

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
    long readIn = generation.get();
    if (super.isAccessTokenExpired()) {
      return true;
    }
    String token = super.getAccessToken();
    if (token == null) {
      return true;
    }
    memo = new Memo(token, System.nanoTime() + MEMO.toNanos(), readIn);
    return false;
  }

  @Override
  public String getAccessToken() {
    Memo current = fresh();
    return current != null ? current.token() : super.getAccessToken();
  }

  @Override
  public void updateAccessToken(String accessToken, int expiresInSeconds) {
    super.updateAccessToken(accessToken, expiresInSeconds);
    forget();
  }

  @Override
  public void updateAccessToken(WxAccessToken accessToken) {
    super.updateAccessToken(accessToken);
    forget();
  }

  @Override
  public void expireAccessToken() {
    super.expireAccessToken();
    forget();
  }

  /** After the store changed: every memo read before this point is stale (fresh() checks the generation). */
  private void forget() {
    generation.incrementAndGet();
  }

  private Memo fresh() {
    Memo current = memo;
    return current != null && current.generation() == generation.get() && System.nanoTime() - current.untilNanos() < 0
        ? current : null;
  }

  @Override
  public String toString() {
    return "StoreBackedCpConfig[corpId=" + getCorpId() + ", agentId=" + getAgentId() + "]";
  }
}
