package cn.dudao.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A bot node alone: the WeCom callback, the conversation runtime and the outbox, without the console. */
@SpringBootApplication(scanBasePackages = "cn.dudao")
@ConfigurationPropertiesScan("cn.dudao")
public class BotApplication {

  public static void main(String[] args) {
    SpringApplication.run(BotApplication.class, args);
  }
}
