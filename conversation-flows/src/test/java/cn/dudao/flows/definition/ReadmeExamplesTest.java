package cn.dudao.flows.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every ```yaml block in the module README is a complete flow that loads. */
class ReadmeExamplesTest {

  static List<String> yamlBlocks() throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder current = null;
    for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
      if (current == null && line.strip().equals("```yaml")) {
        current = new StringBuilder();
      } else if (current != null && line.strip().equals("```")) {
        blocks.add(current.toString());
        current = null;
      } else if (current != null) {
        current.append(line).append('\n');
      }
    }
    return blocks;
  }

  @Test
  void everyExampleParses() throws IOException {
    List<String> blocks = yamlBlocks();
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 0; i < blocks.size(); i++) {
      Flow flow = FlowLoader.parse(blocks.get(i), "README.md example " + (i + 1));
      assertThat(flow.formatVersion()).isEqualTo(FlowLoader.FORMAT_VERSION);
      assertThat(flow.nodeIds()).isNotEmpty();
    }
  }
}
