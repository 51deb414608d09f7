package cn.dudao.bot.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WireMock server standing in for the WeCom server API, with its stubs as data files under
 * {@code src/test/resources/wiremock/mappings}, and helpers to read what Dudao sent.
 */
public final class WeComApiStub {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final WireMockServer server = new WireMockServer(options().dynamicPort().usingFilesUnderClasspath("wiremock"));

  public WeComApiStub start() {
    server.start();
    return this;
  }

  public WireMockServer server() {
    return server;
  }

  public String baseUrl() {
    return server.baseUrl();
  }

  /** The JSON bodies POSTed to {@code path}, oldest first. */
  public List<JsonNode> bodies(String path) {
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream()
        .filter(e -> e.getRequest().getUrl().startsWith(path))
        .map(e -> JSON.readTree(e.getRequest().getBodyAsString()))
        .toList();
  }

  /** Messages sent to one person through message/send, oldest first. */
  public List<JsonNode> messagesTo(String user) {
    return bodies("/cgi-bin/message/send").stream().filter(b -> user.equals(b.path("touser").asString())).toList();
  }

  /** The text a message shows: its content, or a card's title and description. */
  public static String textOf(JsonNode message) {
    if (message.has("text")) {
      return message.path("text").path("content").asString();
    }
    JsonNode card = message.path("template_card");
    return card.path("main_title").path("title").asString() + "\n" + card.path("main_title").path("desc").asString()
        + "\n" + card.path("sub_title_text").asString();
  }

  public static boolean isCard(JsonNode message) {
    return message.has("template_card");
  }

  /** The key of the card button labelled {@code label}. */
  public static String buttonKey(JsonNode message, String label) {
    for (JsonNode button : message.path("template_card").path("button_list")) {
      if (label.equals(button.path("text").asString())) {
        return button.path("key").asString();
      }
    }
    throw new AssertionError("no button " + label + " in " + message);
  }

  public void stop() {
    server.stop();
  }
}
