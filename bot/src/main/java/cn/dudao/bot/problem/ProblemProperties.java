package cn.dudao.bot.problem;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Problem list settings ({@code dudao.problems.*}).
 *
 * @param consoleUrl the console's public address; notices link a problem's evidence page under it
 */
@ConfigurationProperties("dudao.problems")
public record ProblemProperties(@DefaultValue("http://localhost:8080") String consoleUrl) {

  String evidenceLink(long problemId) {
    String base = consoleUrl.endsWith("/") ? consoleUrl.substring(0, consoleUrl.length() - 1) : consoleUrl;
    return base + "/problems/" + problemId;
  }
}
