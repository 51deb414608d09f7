package cn.dudao.bot.testsupport;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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

  /**
   * Serves {@code bytes} as the media {@code mediaId} through {@code media/get}, after answering the
   * first {@code failuresFirst} requests with HTTP 500. WxJava needs the Content-Disposition header.
   */
  public void servePhoto(String mediaId, byte[] bytes, int failuresFirst) {
    String scenario = "media-" + mediaId;
    for (int i = 0; i < failuresFirst; i++) {
      server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/cgi-bin/media/get"))
          .withQueryParam("media_id", WireMock.equalTo(mediaId))
          .inScenario(scenario).whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
          .willSetStateTo("failed-" + (i + 1))
          .willReturn(WireMock.aResponse().withStatus(500).withBody("busy")));
    }
    server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/cgi-bin/media/get"))
        .withQueryParam("media_id", WireMock.equalTo(mediaId))
        .inScenario(scenario).whenScenarioStateIs(failuresFirst == 0 ? Scenario.STARTED : "failed-" + failuresFirst)
        .willReturn(WireMock.aResponse().withStatus(200)
            .withHeader("Content-Type", "image/jpeg")
            .withHeader("Content-Disposition", "attachment; filename=\"" + mediaId + ".jpg\"")
            .withBody(bytes)));
  }

  /** Makes {@code media/get} fail for {@code mediaId} every time. */
  public void failMedia(String mediaId) {
    server.stubFor(WireMock.get(WireMock.urlPathEqualTo("/cgi-bin/media/get"))
        .withQueryParam("media_id", WireMock.equalTo(mediaId))
        .willReturn(WireMock.aResponse().withStatus(500).withBody("busy")));
  }

  /** How often {@code media/get} was asked for {@code mediaId}. */
  public int mediaRequests(String mediaId) {
    return server.findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/cgi-bin/media/get"))
        .withQueryParam("media_id", WireMock.equalTo(mediaId))).size();
  }

  /** How often {@code media/get} was asked for anything. */
  public int mediaRequests() {
    return server.findAll(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/cgi-bin/media/get"))).size();
  }

  public void stop() {
    server.stop();
  }
}
