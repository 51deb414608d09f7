package cn.dudao.bot.evidence;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The evidence store (the filesystem unless another {@link EvidenceStore} bean is defined) and the
 * small pool that downloads photos, apart from the conversation workers so a slow download never
 * holds up other people's messages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceProperties.class)
class EvidenceConfiguration {

  @Bean
  @ConditionalOnMissingBean(EvidenceStore.class)
  EvidenceStore fileSystemEvidenceStore(EvidenceProperties properties) throws IOException {
    return new FileSystemEvidenceStore(properties.mediaRoot());
  }

  @Bean(name = "dudaoMediaFetchers", destroyMethod = "shutdownNow")
  ScheduledExecutorService dudaoMediaFetchers() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(3, new CustomizableThreadFactory("dudao-media-"));
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }
}
