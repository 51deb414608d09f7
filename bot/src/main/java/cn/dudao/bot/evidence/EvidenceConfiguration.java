package cn.dudao.bot.evidence;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The evidence store, chosen by {@code dudao.evidence.store}: the filesystem under {@code media-root}
 * (the default) or an S3-compatible bucket (unless another {@link EvidenceStore} bean is defined); and
 * the small pool that downloads photos, apart from the conversation workers so a slow download never
 * holds up other people's messages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({EvidenceProperties.class, S3StoreProperties.class})
class EvidenceConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EvidenceConfiguration.class);

  @Bean
  @ConditionalOnMissingBean(EvidenceStore.class)
  EvidenceStore evidenceStore(EvidenceProperties properties, S3StoreProperties s3) throws IOException {
    if (properties.store() == EvidenceProperties.Store.S3) {
      S3EvidenceStore store = new S3EvidenceStore(s3);
      log.info("Evidence store: S3-compatible bucket {} ({})", s3.bucket(), s3);
      return store;
    }
    log.info("Evidence store: filesystem under {}", properties.mediaRoot().toAbsolutePath().normalize());
    return new FileSystemEvidenceStore(properties.mediaRoot());
  }

  @Bean(name = "dudaoMediaFetchers", destroyMethod = "shutdownNow")
  ScheduledExecutorService dudaoMediaFetchers() {
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(3, new CustomizableThreadFactory("dudao-media-"));
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }
}
