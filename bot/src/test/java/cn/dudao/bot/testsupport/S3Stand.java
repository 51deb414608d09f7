package cn.dudao.bot.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for an S3-compatible service (MinIO, COS, OSS) in path-style addressing, emulating the
 * three calls the evidence store makes, statefully: PUT keeps the object (refusing a body whose
 * Content-MD5 does not match, as S3 does), HEAD and GET answer from what was kept or 404 with
 * {@code NoSuchKey}. Every request must carry a SigV4 Authorization header or it is refused with 403.
 * Failures can be injected ahead of the emulation.
 */
public final class S3Stand {

  /** One stored object: its bytes and the content type it was PUT with. */
  public record StoredObject(byte[] bytes, String contentType) {}

  private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
  private final WireMockServer server = new WireMockServer(options().dynamicPort().extensions(new Emulation()));

  public S3Stand start() {
    server.start();
    server.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10)
        .willReturn(WireMock.aResponse().withTransformers(Emulation.NAME)));
    return this;
  }

  public String endpoint() {
    return server.baseUrl();
  }

  public WireMockServer server() {
    return server;
  }

  public void stop() {
    server.stop();
  }

  /** What is stored under {@code path} ({@code /bucket/key}), or null. */
  public StoredObject object(String path) {
    return objects.get(path);
  }

  /** The paths of every stored object. */
  public java.util.Set<String> paths() {
    return Map.copyOf(objects).keySet();
  }

  /** Requests with {@code method} to paths starting with {@code pathPrefix}, oldest first. */
  public List<LoggedRequest> requests(RequestMethod method, String pathPrefix) {
    return server.findAll(new com.github.tomakehurst.wiremock.matching.RequestPatternBuilder(method,
        WireMock.urlPathMatching(java.util.regex.Pattern.quote(pathPrefix) + ".*")));
  }

  /** Answers the next {@code times} PUTs with {@code status}, then stores again. */
  public void failPuts(int times, int status) {
    String scenario = "put-failures-" + System.nanoTime();
    for (int i = 0; i < times; i++) {
      server.stubFor(WireMock.put(WireMock.anyUrl()).atPriority(1)
          .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
          .willSetStateTo("failed-" + (i + 1))
          .willReturn(error(status)));
    }
  }

  /** Answers every PUT with {@code status} until {@link #recover()}. */
  public void failAllPuts(int status) {
    server.stubFor(WireMock.put(WireMock.anyUrl()).atPriority(2).withMetadata(Map.of("failure", true))
        .willReturn(error(status)));
  }

  /** Answers every HEAD with {@code status} (403: a key without ListBucket asking for a missing object). */
  public void failAllHeads(int status) {
    server.stubFor(WireMock.head(WireMock.anyUrl()).atPriority(2).willReturn(WireMock.aResponse().withStatus(status)));
  }

  /** Drops every injected failure. */
  public void recover() {
    server.getStubMappings().stream().filter(m -> m.getPriority() != null && m.getPriority() < 10)
        .toList().forEach(server::removeStubMapping);
  }

  private static ResponseDefinitionBuilder error(int status) {
    return WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/xml")
        .withBody("<Error><Code>InternalError</Code><Message>injected</Message></Error>");
  }

  private final class Emulation implements ResponseDefinitionTransformerV2 {

    static final String NAME = "s3-emulation";

    @Override
    public String getName() {
      return NAME;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String authorization = request.getHeader("Authorization");
      if (authorization == null || !authorization.startsWith("AWS4-HMAC-SHA256 Credential=")) {
        return xmlError(403, "AccessDenied", "no SigV4 signature");
      }
      String path = URLDecoder.decode(request.getUrl().split("\\?", 2)[0], StandardCharsets.UTF_8);
      RequestMethod method = request.getMethod();
      if (method.equals(RequestMethod.PUT)) {
        byte[] body = request.getBody();
        String md5 = request.getHeader("Content-MD5");
        if (md5 != null && !md5.equals(md5(body))) {
          return xmlError(400, "BadDigest", "Content-MD5 does not match the body");
        }
        objects.put(path, new StoredObject(body, request.getHeader("Content-Type")));
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("ETag", "\"" + hexMd5(body) + "\"").build();
      }
      StoredObject found = objects.get(path);
      if (method.equals(RequestMethod.HEAD)) {
        return found == null ? new ResponseDefinitionBuilder().withStatus(404).build()
            : new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", found.contentType())
                .withHeader("Content-Length", Integer.toString(found.bytes().length)).build();
      }
      if (method.equals(RequestMethod.GET)) {
        return found == null ? xmlError(404, "NoSuchKey", "The specified key does not exist.")
            : new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", found.contentType())
                .withBody(found.bytes()).build();
      }
      return xmlError(405, "MethodNotAllowed", method.getName());
    }

    private ResponseDefinition xmlError(int status, String code, String message) {
      return new ResponseDefinitionBuilder().withStatus(status).withHeader("Content-Type", "application/xml")
          .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
              + "</Message></Error>").build();
    }
  }

  private static String md5(byte[] body) {
    return Base64.getEncoder().encodeToString(digest(body));
  }

  private static String hexMd5(byte[] body) {
    return java.util.HexFormat.of().formatHex(digest(body));
  }

  private static byte[] digest(byte[] body) {
    try {
      return MessageDigest.getInstance("MD5").digest(body);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
