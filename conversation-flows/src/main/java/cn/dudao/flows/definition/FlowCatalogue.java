package cn.dudao.flows.definition;

import java.util.List;

/**
 * The flows shipped in this jar, under {@code flows/<id>.yaml} on the classpath. The library reads
 * no resources itself: callers load the text and pass it to {@link FlowLoader#parse(String, String)}.
 */
public final class FlowCatalogue {
  /** Ids of the shipped flows, in the order a menu would list them. */
  public static final List<String> IDS = List.of("village-check", "area-check", "household-visit",
      "village-verification", "cadre-interview", "document-review", "project-check", "complaint",
      "good-practice", "sector-self-check");

  private FlowCatalogue() {}

  /** The classpath resource of flow {@code id}, e.g. {@code flows/village-check.yaml}. */
  public static String resourcePath(String id) {
    return "flows/" + id + ".yaml";
  }
}
