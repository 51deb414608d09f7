package cn.dudao.flows.question;

import cn.dudao.flows.definition.Node;
import cn.dudao.flows.engine.FlowEvent.Option;
import java.util.List;

/**
 * An open question at run time: its node, the options as shown (resolved from context when the
 * node uses {@code options_from}) and photos collected so far.
 */
public record Asked(Node node, List<Option> options, List<String> pending) {}
