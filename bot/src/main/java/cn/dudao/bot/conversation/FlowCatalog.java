package cn.dudao.bot.conversation;

import cn.dudao.flows.definition.Flow;
import cn.dudao.flows.definition.FlowLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The flows this node runs, loaded and validated once at start-up from {@code flows/*.yaml} on the
 * classpath; a flow that does not validate stops the start with its path-qualified problems.
 */
@Component
public class FlowCatalog {

  /** The village check of issue 2: 附件3's twelve items for one village. */
  public static final String VILLAGE_CHECK = "village-check";

  private final Map<String, Flow> flows = new LinkedHashMap<>();

  public FlowCatalog() throws IOException {
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:flows/*.yaml")) {
      try (InputStream in = resource.getInputStream()) {
        Flow flow = FlowLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource.getFilename());
        flows.put(flow.id(), flow);
      }
    }
  }

  public Optional<Flow> find(String id) {
    return Optional.ofNullable(flows.get(id));
  }

  public Flow get(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("flow " + id + " is not installed"));
  }
}
