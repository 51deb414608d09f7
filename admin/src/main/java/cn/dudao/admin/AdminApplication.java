package cn.dudao.admin;

import cn.dudao.bot.BotApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The whole system in one process: bot, simulator and console. Dudao's default executable. */
@SpringBootApplication
// Like @SpringBootApplication's own scan, keep the type exclude filter: tests' configurations (those of
// bot's test jar among them) stay out of other tests' contexts.
@ComponentScan(basePackages = "cn.dudao", excludeFilters = {
    @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BotApplication.class),
    @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
@ConfigurationPropertiesScan("cn.dudao")
public class AdminApplication {

  public static void main(String[] args) {
    SpringApplication.run(AdminApplication.class, args);
  }
}
