package cn.dudao.bot.load;

import cn.dudao.bot.testsupport.WeComCallbacks;
import cn.dudao.bot.wecom.callback.CallbackCrypto;
import cn.dudao.bot.wecom.callback.SealedCallback;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seals and POSTs callbacks as WeCom does (the test app's token, EncodingAESKey and corp id; the nodes
 * must be configured with the same), over HTTP/1.1 keep-alive connections. Thread-safe.
 */
final class CallbackSender {

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final CallbackCrypto crypto = new CallbackCrypto(WeComCallbacks.properties(WeComCallbacks.CORP_ID),
      Clock.systemUTC());
  private final AtomicLong nonces = new AtomicLong();
  private final String url;

  CallbackSender(String baseUrl) {
    this.url = baseUrl + "/wecom/callback?";
  }

  SealedCallback seal(String user, long msgId, String text) {
    return crypto.seal(WeComCallbacks.textXml(user, msgId, text), Long.toString(Instant.now().getEpochSecond()),
        "n" + nonces.incrementAndGet());
  }

  /**
   * Runs the driver's own sealing and HTTP code {@code count} times before the clock starts, so the
   * driver's JIT compiles and its keep-alive connections open before the first measured slot (on a
   * shared machine a cold driver took a core from the node for the first seconds). The posts ask the
   * load balancer for a path it answers itself (404); no node sees them.
   */
  void warmUp(ExecutorService pool, int count) throws InterruptedException {
    URI outside = URI.create(url.substring(0, url.indexOf("/wecom/callback")) + "/dudao-load-driver-warm-up");
    CountDownLatch done = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      long n = i;
      pool.execute(() -> {
        try {
          SealedCallback sealed = seal("warm-up-driver", n, "达标");
          http.send(HttpRequest.newBuilder(outside).timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(sealed.body())).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
          // the load balancer may refuse the odd one; the point is the code path, not the answer
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
  }

  /** The status, or -1 when the connection failed or timed out. */
  int post(SealedCallback sealed) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url
            + WeComCallbacks.query(sealed.msgSignature(), sealed.timestamp(), sealed.nonce())))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(sealed.body()))
        .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
