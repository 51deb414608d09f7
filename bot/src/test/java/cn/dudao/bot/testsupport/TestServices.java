package cn.dudao.bot.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import redis.embedded.RedisServer;

/**
 * Chooses the database and Redis for an integration test context. On a machine with MariaDB
 * (127.0.0.1:3306, root, empty password) and Redis (127.0.0.1:6379) the tests use them for real, each
 * context in a database of its own and a Redis namespace of its own. Where they cannot be reached,
 * the tests use H2 in MySQL mode and an embedded Redis server, unless
 * {@code DUDAO_TEST_REQUIRE_SERVICES=true} (set by CI), in which case they fail: never skip.
 */
public final class TestServices {

  public static final String REQUIRE = "DUDAO_TEST_REQUIRE_SERVICES";
  /** Forces the embedded stand-ins even where MariaDB and Redis run, to check the bare-machine path. */
  public static final String EMBEDDED = "DUDAO_TEST_EMBEDDED";
  private static final String HOST = "127.0.0.1";
  private static RedisServer embeddedRedis;
  private static int embeddedRedisPort;

  private TestServices() {
  }

  /** Registers datasource and Redis properties for one Spring test context. */
  public static void register(DynamicPropertyRegistry registry) {
    freshServices().forEach((name, value) -> registry.add(name, () -> value));
  }

  /**
   * Datasource and Redis properties for a new database and Redis namespace of its own, for tests that
   * start application contexts themselves (several nodes sharing one database, or a node restarted).
   */
  public static Map<String, String> freshServices() {
    String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    boolean require = Boolean.parseBoolean(System.getenv(REQUIRE));
    Map<String, String> properties = new LinkedHashMap<>();
    if (serviceReachable(3306)) {
      String database = createMariaDbDatabase("dudao_it_" + suffix);
      properties.put("spring.datasource.url", "jdbc:mariadb://" + HOST + ":3306/" + database);
      properties.put("spring.datasource.username", "root");
      properties.put("spring.datasource.password", "");
    } else if (require) {
      throw new IllegalStateException(REQUIRE + "=true but MariaDB is not reachable on " + HOST + ":3306");
    } else {
      properties.put("spring.datasource.url", "jdbc:h2:mem:dudao_" + suffix
          + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,KEY,YEAR,MONTH,USER;DB_CLOSE_DELAY=-1");
      properties.put("spring.datasource.username", "sa");
      properties.put("spring.datasource.password", "");
    }
    // The pool grows to its maximum (30) under load but does not hold 30 idle connections per cached
    // test context: a suite keeps a dozen contexts alive and MariaDB refuses connections past 500.
    properties.put("spring.datasource.hikari.minimum-idle", "2");
    properties.put("spring.datasource.hikari.maximum-pool-size", "10");
    properties.put("spring.datasource.hikari.idle-timeout", "10000");
    properties.put("dudao.redis.url", redisUrl(require));
    properties.put("dudao.redis.namespace", "dudao-it-" + suffix);
    return properties;
  }

  /** True when the tests run on the real MariaDB (not H2). */
  public static boolean onMariaDb() {
    return serviceReachable(3306);
  }

  private static synchronized String redisUrl(boolean require) {
    if (serviceReachable(6379)) {
      return "redis://" + HOST + ":6379";
    }
    if (require) {
      throw new IllegalStateException(REQUIRE + "=true but Redis is not reachable on " + HOST + ":6379");
    }
    if (embeddedRedis == null) {
      try {
        embeddedRedisPort = freePort();
        embeddedRedis = new RedisServer(embeddedRedisPort);
        embeddedRedis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            embeddedRedis.stop();
          } catch (IOException ignored) {
            // the JVM is going away
          }
        }));
      } catch (IOException e) {
        throw new IllegalStateException("could not start embedded Redis", e);
      }
    }
    return "redis://" + HOST + ":" + embeddedRedisPort;
  }

  private static String createMariaDbDatabase(String name) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":3306/", "root", "");
         Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> dropQuietly(name)));
    return name;
  }

  private static void dropQuietly(String name) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + HOST + ":3306/", "root", "");
         Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
    } catch (SQLException ignored) {
      // a leftover test database is harmless
    }
  }

  /** Whether the machine's own service on {@code port} is to be used; never with DUDAO_TEST_EMBEDDED. */
  private static boolean serviceReachable(int port) {
    return !Boolean.parseBoolean(System.getenv(EMBEDDED)) && reachable(port);
  }

  static boolean reachable(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Datasource and Redis properties for several application instances that must share one database and
   * one Redis namespace (a cluster in one test): call once, pass the same map to every instance.
   */
  public static java.util.Map<String, String> sharedProperties() {
    java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
    register((name, supplier) -> properties.put(name, String.valueOf(supplier.get())));
    return properties;
  }
}
