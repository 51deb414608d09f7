package cn.dudao.admin.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints the address to open once everything is up (after the first-start password), so a newcomer knows where to go. */
@Component
class StartupBanner implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
    log.info("\n\n  督导助手 Dudao 已启动\n  聊天模拟器: http://localhost:{}/simulator\n  管理控制台: http://localhost:{}/\n", port, port);
  }
}
