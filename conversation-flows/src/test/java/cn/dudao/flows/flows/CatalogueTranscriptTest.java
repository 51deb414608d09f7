package cn.dudao.flows.flows;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.flows.definition.FlowCatalogue;
import cn.dudao.flows.testing.Flows;
import cn.dudao.flows.testing.TranscriptRunner;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every transcript data file; every catalogue flow has at least one. */
class CatalogueTranscriptTest {
  static final List<String> TRANSCRIPTS = List.of(
      "village-check-happy", "area-check-full", "area-check-back-and-pause",
      "household-visit-at-risk", "household-visit-new-household", "village-verification",
      "cadre-interview", "document-review", "project-check", "complaint", "good-practice",
      "sector-self-check");

  @TestFactory
  Stream<DynamicTest> transcripts() {
    return TRANSCRIPTS.stream().map(name -> DynamicTest.dynamicTest(name,
        () -> TranscriptRunner.run("/transcripts/" + name + ".yaml")));
  }

  @Test
  void everyCatalogueFlowLoadsAndHasATranscript() {
    for (String id : FlowCatalogue.IDS) {
      assertThat(Flows.load(id).id()).isEqualTo(id);
      assertThat(TRANSCRIPTS).as("a transcript for " + id).anyMatch(t -> t.startsWith(id));
    }
  }
}
