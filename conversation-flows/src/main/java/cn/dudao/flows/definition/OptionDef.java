package cn.dudao.flows.definition;

/** An option declared in YAML: the key stored as the answer, its Chinese label, an optional route. */
public record OptionDef(String key, String label, String next) {}
