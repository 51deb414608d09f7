package cn.dudao.bot.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A node's database pool as shipped: big enough that the callback's insert never queues behind the
 * workers and senders, and fixed, so a burst after a quiet hour does not wait for connections to be
 * opened one at a time (deploy/BENCHMARKS.md, round 5). The test contexts set small pools of their own.
 */
class ConnectionPoolDefaultsTest {

  private static final int WORKERS = 8;
  private static final int SENDERS = 8;

  @Test
  void thePoolIsFixedAndLeavesRoomForTheAckPath() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties shipped = yaml.getObject();

    int max = Integer.parseInt(shipped.getProperty("spring.datasource.hikari.maximum-pool-size"));
    assertThat(max).isGreaterThan(WORKERS + SENDERS);
    // Hikari's minimum-idle defaults to the maximum; a smaller one lets the pool shrink between bursts.
    assertThat(shipped.getProperty("spring.datasource.hikari.minimum-idle", String.valueOf(max)))
        .isEqualTo(String.valueOf(max));
  }
}
