package cn.dudao.bot.evidence;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3-compatible evidence store ({@code dudao.evidence.s3.*}), used when
 * {@code dudao.evidence.store=s3}: MinIO, Ceph, Tencent COS, Aliyun OSS or AWS S3 itself. See
 * deploy/media-storage.md. The keys never appear in {@link #toString()} or in any log line.
 *
 * @param endpoint    the service's address, e.g. {@code https://cos.ap-beijing.myqcloud.com}; null: AWS
 * @param region      the signing region ({@code us-east-1} suits MinIO and Ceph; COS and OSS name theirs)
 * @param bucket      the bucket every node shares
 * @param prefix      an optional folder inside the bucket, e.g. {@code dudao/}
 * @param pathStyle   {@code https://host/bucket/key} addressing (MinIO, Ceph) instead of
 *                    {@code https://bucket.host/key} (COS and OSS require the latter)
 * @param accessKey   the access key id
 * @param secretKey   the secret access key
 * @param attempts    how often one call is tried before the store reports the failure
 * @param timeout     the longest one call may take, retries included
 */
@ConfigurationProperties("dudao.evidence.s3")
public record S3StoreProperties(
    URI endpoint,
    @DefaultValue("us-east-1") String region,
    String bucket,
    @DefaultValue("") String prefix,
    @DefaultValue("false") boolean pathStyle,
    String accessKey,
    String secretKey,
    @DefaultValue("3") int attempts,
    @DefaultValue("30s") Duration timeout) {

  public S3StoreProperties {
    prefix = prefix == null ? "" : prefix.strip();
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix = prefix + "/";
    }
    if (prefix.startsWith("/") || prefix.contains("..")) {
      throw new IllegalArgumentException("dudao.evidence.s3.prefix must be a relative folder such as dudao/");
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("dudao.evidence.s3.attempts must be at least 1");
    }
  }

  /** Refuses to start an S3 store without what it cannot work without. */
  void requireComplete() {
    StringBuilder missing = new StringBuilder();
    if (bucket == null || bucket.isBlank()) {
      missing.append(" bucket");
    }
    if (accessKey == null || accessKey.isBlank()) {
      missing.append(" access-key");
    }
    if (secretKey == null || secretKey.isBlank()) {
      missing.append(" secret-key");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("dudao.evidence.store=s3 needs dudao.evidence.s3." + missing.toString().strip()
          .replace(" ", ", dudao.evidence.s3."));
    }
  }

  @Override
  public String toString() {
    return "S3StoreProperties[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", prefix=" + prefix
        + ", pathStyle=" + pathStyle + ", accessKey=" + mask(accessKey) + ", secretKey=" + (secretKey == null ? "null"
        : "******") + ", attempts=" + attempts + ", timeout=" + timeout + "]";
  }

  /** The first four characters of an access key id, enough to tell two apart in a support call. */
  private static String mask(String key) {
    return key == null ? "null" : key.length() <= 4 ? "****" : key.substring(0, 4) + "****";
  }
}
