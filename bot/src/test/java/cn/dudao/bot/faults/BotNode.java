package cn.dudao.bot.faults;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One bot node (BotApplication) started in this JVM on a free port with the given properties, so a
 * test can run several nodes on one database, stop one and start another. Properties go in as
 * command-line arguments, above application.yml.
 */
final class BotNode implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final AtomicInteger dropped;

  private BotNode(ConfigurableApplicationContext context, AtomicInteger dropped) {
    this.context = context;
    this.dropped = dropped;
  }

  /** A node with the WeCom channel on, the WeCom API at {@code apiBaseUrl}, and {@code properties}. */
  static BotNode start(Map<String, String> properties, String apiBaseUrl) {
    return start(properties, apiBaseUrl, false, null);
  }

  /**
   * @param deadWorkers the node acknowledges and records callbacks but its worker pool drops every
   *                    task and its sweep never runs again: a node that dies right after each ack
   * @param initializer more set-up of the context (extra beans), or null
   */
  static BotNode start(Map<String, String> properties, String apiBaseUrl, boolean deadWorkers,
                       ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
    List<String> args = new ArrayList<>();
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    for (String p : WeComCallbacks.springProperties()) {
      args.add("--" + p);
    }
    args.add("--dudao.wecom.api-base-url=" + apiBaseUrl);
    args.add("--server.port=0");
    args.add("--spring.main.banner-mode=off");
    AtomicInteger dropped = new AtomicInteger();
    SpringApplicationBuilder builder = new SpringApplicationBuilder(BotApplication.class);
    if (deadWorkers) {
      args.add("--dudao.inbox.sweep-interval=1h");
      builder.initializers(ctx -> ctx.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return "dudaoWorkers".equals(name) ? (Executor) task -> dropped.incrementAndGet() : bean;
        }
      }));
    }
    if (initializer != null) {
      builder.initializers(initializer);
    }
    return new BotNode(builder.run(args.toArray(String[]::new)), dropped);
  }

  int port() {
    return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
  }

  WeComCallbacks callbacks() {
    return new WeComCallbacks("http://127.0.0.1:" + port());
  }

  JdbcTemplate jdbc() {
    return context.getBean(JdbcTemplate.class);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** Tasks a dead-worker node dropped: messages it acknowledged and never applied. */
  int droppedTasks() {
    return dropped.get();
  }

  @Override
  public void close() {
    context.close();
  }
}
