package cn.dudao.bot.wecom;

import cn.dudao.bot.store.KeyValueStore;
import cn.dudao.bot.wecom.callback.CallbackCrypto;
import cn.dudao.bot.wecom.callback.InboundParser;
import java.time.Clock;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.api.impl.WxCpServiceImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** WxJava's client for the WeCom server API, pointed at {@code dudao.wecom.api-base-url}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WeComProperties.class)
class WeComConfiguration {

  @Bean
  WxCpService wxCpService(WeComProperties properties, KeyValueStore store) {
    StoreBackedCpConfig config = new StoreBackedCpConfig(store);
    // WxJava derives its Redis keys from the corp id, so it must be set before the agent id.
    config.setCorpId(properties.enabled() ? properties.corpId() : "unset");
    config.setAgentId(properties.agentId());
    config.setCorpSecret(properties.secret());
    config.setToken(properties.token());
    config.setAesKey(properties.aesKey());
    config.setBaseApiUrl(properties.apiBaseUrl());
    WxCpServiceImpl service = new WxCpServiceImpl();
    service.setWxCpConfigStorage(config);
    // The outbox retries with backoff, so WxJava retries at most once, only on -1, after a short pause.
    // Not 0: with 0 WxJava turns every WxErrorException into a WxRuntimeException without the errcode
    // (BaseWxCpServiceImpl.execute), and WeComSender could never tell 45009 or 81013 from a network error.
    service.setMaxRetryTimes(1);
    service.setRetrySleepMillis(200);
    return service;
  }

  /** Only when a WeCom app is configured; the callback answers 404 otherwise. */
  @Bean
  CallbackCrypto callbackCrypto(WeComProperties properties, Clock clock) {
    return properties.enabled() ? new CallbackCrypto(properties, clock) : null;
  }

  @Bean
  InboundParser inboundParser() {
    return new InboundParser();
  }
}
