package cn.dudao.bot.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.awaitility.Awaitility;
import redis.embedded.RedisServer;

/**
 * A Redis server of a test's own, on a free loopback port, that the test may kill and start again
 * (empty, as after a crash without persistence) to show what Dudao does when Redis goes away. It runs
 * {@code redis-server} from the PATH when there is one, else the embedded server from the test jars.
 */
public final class DisposableRedis implements AutoCloseable {

  private final int port;
  private Process process;
  private RedisServer embedded;

  public DisposableRedis() {
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Starts an empty server and returns once it accepts connections. */
  public DisposableRedis start() {
    try {
      File binary = onPath("redis-server");
      if (binary != null) {
        process = new ProcessBuilder(binary.getPath(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--daemonize", "no", "--logfile", "")
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      } else {
        embedded = new RedisServer(port);
        embedded.start();
      }
    } catch (IOException e) {
      throw new IllegalStateException("could not start a Redis server on port " + port, e);
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> TestServices.reachable(port));
    return this;
  }

  /** Kills the server at once (SIGKILL for a process): everything it held is gone. */
  public void kill() {
    try {
      if (process != null) {
        process.destroyForcibly().waitFor();
        process = null;
      }
      if (embedded != null) {
        embedded.stop();
        embedded = null;
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !TestServices.reachable(port));
  }

  @Override
  public void close() {
    if (process != null || embedded != null) {
      kill();
    }
  }

  private static File onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File candidate = new File(dir, name);
      if (candidate.canExecute()) {
        return candidate;
      }
    }
    return null;
  }
}
