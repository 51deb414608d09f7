package cn.dudao.flows.definition;

import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A YAML reader for flow files. YAML 1.1 would read the option keys {@code yes}/{@code no}/{@code on}
 * as booleans and {@code 2021-10-25} as a date; here only {@code true}/{@code false} are booleans and
 * dates stay strings. Duplicate map keys are refused.
 */
final class StrictYaml {
  private StrictYaml() {}

  static Yaml create() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(10);
    DumperOptions dumper = new DumperOptions();
    return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
        new StrictResolver());
  }

  private static final class StrictResolver extends Resolver {
    private static final Pattern BOOL_ONLY = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL_ONLY, "tTfF");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }
}
