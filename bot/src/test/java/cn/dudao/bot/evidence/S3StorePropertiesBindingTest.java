package cn.dudao.bot.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The deployment files (deploy/docker-compose.yml) pass every {@code DUDAO_EVIDENCE_S3_*} variable, empty
 * where the operator set nothing: empty values must read as "not set", not as an empty endpoint.
 */
class S3StorePropertiesBindingTest {

  @Test
  void emptyVariablesFromTheComposeFileMeanNotSet() {
    S3StoreProperties s3 = bind(Map.of("dudao.evidence.s3.endpoint", "", "dudao.evidence.s3.region", "us-east-1",
        "dudao.evidence.s3.bucket", "", "dudao.evidence.s3.prefix", "", "dudao.evidence.s3.path-style", "false",
        "dudao.evidence.s3.access-key", "", "dudao.evidence.s3.secret-key", ""));
    assertThat(s3.endpoint()).isNull();
    assertThat(s3.prefix()).isEmpty();
    assertThat(s3.pathStyle()).isFalse();
  }

  @Test
  void filledVariablesBind() {
    S3StoreProperties s3 = bind(Map.of("dudao.evidence.s3.endpoint", "https://minio.internal:9000",
        "dudao.evidence.s3.region", "us-east-1", "dudao.evidence.s3.bucket", "dudao-evidence",
        "dudao.evidence.s3.prefix", "dudao", "dudao.evidence.s3.path-style", "true",
        "dudao.evidence.s3.access-key", "dudao", "dudao.evidence.s3.secret-key", "s3cr3t"));
    assertThat(s3.endpoint()).isEqualTo(URI.create("https://minio.internal:9000"));
    assertThat(s3.prefix()).isEqualTo("dudao/");
    assertThat(s3.pathStyle()).isTrue();
    s3.requireComplete();
  }

  private static S3StoreProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values))
        .bindOrCreate("dudao.evidence.s3", S3StoreProperties.class);
  }
}
