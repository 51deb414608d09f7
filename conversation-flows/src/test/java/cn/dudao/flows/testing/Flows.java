package cn.dudao.flows.testing;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.FlowLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads flows and text resources from the test classpath (the library itself does no I/O). */
public final class Flows {
  private Flows() {}

  public static Flow load(String id) {
    return FlowLoader.parse(resource("/flows/" + id + ".yaml"), id + ".yaml");
  }

  public static String resource(String path) {
    try (InputStream in = Flows.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
