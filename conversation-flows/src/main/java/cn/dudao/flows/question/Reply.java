package cn.dudao.flows.question;

import java.util.List;

/** What a question type made of one input. */
public sealed interface Reply {

  /** A complete answer: the normalised value and its Chinese display. */
  record Accepted(Object value, String display) implements Reply {}

  /** Not an answer to this question; {@code hint} says in Chinese what is expected. */
  record Rejected(String hint) implements Reply {}

  /** Part of an answer collected (a photo of several); {@code note} tells the person where he is. */
  record Collected(List<String> pending, String note) implements Reply {}
}
