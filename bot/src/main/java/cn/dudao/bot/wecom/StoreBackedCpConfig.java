package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import me.chanjar.weixin.cp.config.impl.AbstractWxCpInRedisConfigImpl;

/** WxJava's configuration with the token kept in Dudao's shared store; secrets stay out of toString(). */
final class StoreBackedCpConfig extends AbstractWxCpInRedisConfigImpl {

  private static final long serialVersionUID = 1L;

  StoreBackedCpConfig(KeyValueStore store) {
    super(new StoreRedisOps(store), "wecom");
  }

  @Override
  public String toString() {
    return "StoreBackedCpConfig[corpId=" + getCorpId() + ", agentId=" + getAgentId() + "]";
  }
}
