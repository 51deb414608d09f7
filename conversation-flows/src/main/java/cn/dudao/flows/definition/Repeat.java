package cn.dudao.flows.definition;

import java.util.List;

/**
 * A section asked once per item of a context list ({@code for_each}); {@code as} names the current
 * item in expressions and prompts. Answers are stored as {@code <repeat key>.<item key>.<node key>}.
 */
public record Repeat(String forEach, String as, List<Node> body) {}
