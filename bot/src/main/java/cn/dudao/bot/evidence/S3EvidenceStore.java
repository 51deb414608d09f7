package cn.dudao.bot.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Evidence in an S3-compatible bucket that several nodes share: {@code <prefix>ab/cd/<sha256>}, the
 * same layout as the filesystem store. A photo is written with one PUT carrying its MD5, so the object
 * appears whole or not at all (S3 makes an object visible only once its upload completed, and refuses a
 * body that does not match the MD5); storing the same bytes again finds them with HEAD and writes
 * nothing. Any failure is an {@link IOException}, which the caller retries and, in the end, reports
 * without recording evidence. Checksums the SDK would add by default (aws-chunked trailers) are left
 * out: several S3-compatible services refuse them.
 */
final class S3EvidenceStore implements EvidenceStore, AutoCloseable {

  private final S3Client client;
  private final String bucket;
  private final String prefix;

  S3EvidenceStore(S3StoreProperties properties) {
    properties.requireComplete();
    S3ClientBuilder builder = S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(5))
            .socketTimeout(properties.timeout()))
        .region(Region.of(properties.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(properties.accessKey(), properties.secretKey())))
        .forcePathStyle(properties.pathStyle())
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(c -> c
            .retryStrategy(r -> r.maxAttempts(properties.attempts()))
            .apiCallTimeout(properties.timeout()));
    if (properties.endpoint() != null) {
      builder.endpointOverride(properties.endpoint());
    }
    this.client = builder.build();
    this.bucket = properties.bucket();
    this.prefix = properties.prefix();
  }

  @Override
  public String put(byte[] content) throws IOException {
    String key = FileSystemEvidenceStore.sha256(content);
    if (alreadyStored(key)) {
      return key;
    }
    String type = PhotoReader.mediaType(content);
    try {
      client.putObject(PutObjectRequest.builder()
          .bucket(bucket)
          .key(objectKey(key))
          .contentType(type == null ? "application/octet-stream" : type)
          .contentLength((long) content.length)
          .contentMD5(md5(content))
          .build(), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("storing", key, e);
    }
    return key;
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    try {
      return Optional.of(client.getObject(GetObjectRequest.builder().bucket(bucket).key(objectKey(key)).build()));
    } catch (NoSuchKeyException absent) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failure("reading", key, e);
    } catch (SdkException e) {
      throw failure("reading", key, e);
    }
  }

  @Override
  public boolean contains(String key) throws IOException {
    try {
      client.headObject(HeadObjectRequest.builder().bucket(bucket).key(objectKey(key)).build());
      return true;
    } catch (NoSuchKeyException absent) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("looking up", key, e);
    } catch (SdkException e) {
      throw failure("looking up", key, e);
    }
  }

  /**
   * HEAD saves a PUT when the photo is there already; it is only that. A HEAD that fails (a key without
   * ListBucket gets 403 for a missing object) falls through to the PUT, which is idempotent anyway.
   */
  private boolean alreadyStored(String key) {
    try {
      return contains(key);
    } catch (IOException unknown) {
      return false;
    }
  }

  /** The object key of a store key: {@code <prefix>ab/cd/<sha256>}. */
  String objectKey(String key) {
    EvidenceStore.requireKey(key);
    return prefix + key.substring(0, 2) + "/" + key.substring(2, 4) + "/" + key;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "S3EvidenceStore[" + bucket + "/" + prefix + "]";
  }

  private IOException failure(String doing, String key, SdkException e) {
    // The SDK's messages name the bucket, key and request id, never the credentials.
    return new IOException("S3 evidence store: " + doing + " " + key + " failed: " + e.getMessage(), e);
  }

  private static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
