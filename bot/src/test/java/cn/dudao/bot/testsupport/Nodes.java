package cn.dudao.bot.testsupport;

import cn.dudao.bot.BotApplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Several bot nodes in one test: each a full {@link BotApplication} context of its own, all on the same
 * database and Redis namespace ({@link TestServices#sharedProperties()}) and, when given, one shared
 * clock that replaces each node's system clock.
 */
public final class Nodes implements AutoCloseable {

  private final Map<String, String> properties;
  private final Clock clock;
  private final List<ConfigurableApplicationContext> started = new ArrayList<>();

  public Nodes(Map<String, String> properties, Clock clock) {
    this.properties = new LinkedHashMap<>(properties);
    this.clock = clock;
  }

  /** Starts one more node with the shared properties plus {@code extra} ("name=value"). */
  public ConfigurableApplicationContext start(String... extra) {
    // Command-line arguments outrank application.yml (default properties would not).
    List<String> args = new ArrayList<>();
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    List.of(extra).forEach(e -> args.add("--" + e));
    SpringApplicationBuilder builder = new SpringApplicationBuilder(BotApplication.class)
        .web(WebApplicationType.NONE);
    if (clock != null) {
      builder.initializers(context -> ((GenericApplicationContext) context)
          .registerBean("testClock", Clock.class, () -> clock, definition -> definition.setPrimary(true)));
    }
    ConfigurableApplicationContext context = builder.run(args.toArray(String[]::new));
    started.add(context);
    return context;
  }

  @Override
  public void close() {
    started.forEach(ConfigurableApplicationContext::close);
    started.clear();
  }
}
