package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import me.chanjar.weixin.cp.config.impl.AbstractWxCpInRedisConfigImpl;

/** WxJava's configuration with the token kept in Dudao's shared store; secrets stay out of toString(). */
final class StoreBackedCpConfig extends AbstractWxCpInRedisConfigImpl {

  private static final long serialVersionUID = 1L;

  StoreBackedCpConfig(KeyValueStore store) {
    this(store, "wecom");
  }

  /** A configuration whose token lives under its own key prefix (e.g. the contacts secret's token). */
  StoreBackedCpConfig(KeyValueStore store, String keyPrefix) {
    super(new StoreRedisOps(store), keyPrefix);
  }

  @Override
  public String toString() {
    return "StoreBackedCpConfig[corpId=" + getCorpId() + ", agentId=" + getAgentId() + "]";
  }
}
