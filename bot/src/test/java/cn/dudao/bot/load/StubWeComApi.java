package cn.dudao.bot.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal stand-in for the WeCom server API on a loopback port, cheap enough to sit beside a load
 * run: gettoken, message/send and update_template_card always succeed; GET /stats tells how many
 * sends arrived. Run on its own: {@code java … cn.dudao.bot.load.StubWeComApi 18090}.
 */
public final class StubWeComApi implements AutoCloseable {

  private static final byte[] TOKEN = ("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"LOAD_TOKEN\","
      + "\"expires_in\":7200}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] SENT = ("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m\","
      + "\"response_code\":\"rc\"}").getBytes(StandardCharsets.UTF_8);
  private static final byte[] UPDATED = "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":[]}"
      .getBytes(StandardCharsets.UTF_8);

  static {
    // The JDK server writes the headers and the body of an answer separately; without TCP_NODELAY, Nagle
    // holds the body until the client's delayed ACK (40 ms): every send then took ~40 ms and a node's 8
    // senders were capped near 200/s by the stub itself (seen in a wall-clock profile, BENCHMARKS round 5).
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final AtomicLong sends = new AtomicLong();
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong tokens = new AtomicLong();

  public StubWeComApi(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/cgi-bin/gettoken", ex -> answer(ex, TOKEN, tokens));
    server.createContext("/cgi-bin/message/send", ex -> answer(ex, SENT, sends));
    server.createContext("/cgi-bin/message/update_template_card", ex -> answer(ex, UPDATED, updates));
    server.createContext("/stats", ex -> answer(ex, stats().getBytes(StandardCharsets.UTF_8), null));
    server.start();
  }

  String stats() {
    return "sends=" + sends.get() + " updates=" + updates.get() + " tokens=" + tokens.get();
  }

  private static void answer(HttpExchange exchange, byte[] body, AtomicLong counter) throws IOException {
    exchange.getRequestBody().readAllBytes();
    if (counter != null) {
      counter.incrementAndGet();
    }
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 18090;
    StubWeComApi stub = new StubWeComApi(port);
    System.out.println("Stub WeCom API on 127.0.0.1:" + port);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("Stub WeCom API: " + stub.stats())));
    Thread.currentThread().join();
  }
}
