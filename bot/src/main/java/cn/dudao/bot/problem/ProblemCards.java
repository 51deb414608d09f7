package cn.dudao.bot.problem;

import cn.dudao.bot.evidence.EvidenceFlag;
import cn.dudao.bot.outbox.OutgoingMessage;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Words and cards of the rectification loop. Card keys are {@code p:<problemId>:<action>}, apart from
 * the flow's {@code a:} and {@code m:} keys, so the conversation layer routes them before the engine.
 */
@Component
class ProblemCards {

  /** What the review card says of a rectification photo identical to a finding photo. */
  static final String SAME_AS_FINDING = EvidenceFlag.Code.SAME_AS_FINDING_PHOTO.label();

  static final String PREFIX = "p:";
  static final String ACK = "ack";
  static final String REPORT = "report";
  static final String APPROVE = "approve";
  static final String REJECT = "reject";
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  /** A parsed problem card key. */
  record Press(long problemId, String action) {}

  private final ProblemProperties properties;

  ProblemCards(ProblemProperties properties) {
    this.properties = properties;
  }

  static String key(long problemId, String action) {
    return PREFIX + problemId + ":" + action;
  }

  static java.util.Optional<Press> parse(String key) {
    if (key == null || !key.startsWith(PREFIX)) {
      return java.util.Optional.empty();
    }
    String[] parts = key.split(":", 3);
    try {
      return parts.length == 3 ? java.util.Optional.of(new Press(Long.parseLong(parts[1]), parts[2]))
          : java.util.Optional.empty();
    } catch (NumberFormatException malformed) {
      return java.util.Optional.empty();
    }
  }

  /** The notice to the responsible unit: problem, place, deadline, evidence; 签收 and 提交整改情况. */
  OutgoingMessage notice(Problem p, String unitName) {
    String text = "【整改通知】问题编号 " + p.getId() + "\n责任单位：" + unitName + "\n问题：" + p.getWording()
        + "\n地点：" + p.place() + "\n整改时限：" + DAY.format(p.getDeadline()) + "\n证据：" + evidence(p)
        + "\n请点击“签收”，整改完成后点击“提交整改情况”并发送整改说明和照片。";
    return card(text, "整改通知（" + p.getId() + "号）", "时限 " + DAY.format(p.getDeadline()), p.getWording(),
        List.of(new OutgoingMessage.Button(key(p.getId(), ACK), "签收"),
            new OutgoingMessage.Button(key(p.getId(), REPORT), "提交整改情况")));
  }

  /** After 驳回: the reason, the new deadline, and 提交整改情况 again. */
  OutgoingMessage rejected(Problem p, String reason) {
    String text = "【整改驳回】问题编号 " + p.getId() + "\n问题：" + p.getWording() + "\n地点：" + p.place()
        + "\n驳回理由：" + reason + "\n新整改时限：" + DAY.format(p.getDeadline())
        + "\n请继续整改，完成后点击“提交整改情况”。";
    return card(text, "整改驳回（" + p.getId() + "号）", "新时限 " + DAY.format(p.getDeadline()), reason,
        List.of(new OutgoingMessage.Button(key(p.getId(), REPORT), "提交整改情况")));
  }

  /** To the inspector who found it: the report, 通过 or 驳回. */
  /**
   * The review card to the inspector; {@code sameAsFinding} of the report's photos carry the bytes of
   * the problem's own finding photos, which the card points out (never blocking).
   */
  OutgoingMessage review(Problem p, String unitName, String report, int photos, int sameAsFinding) {
    String warning = sameAsFinding > 0 ? SAME_AS_FINDING + "（" + sameAsFinding + "张）" : "";
    String text = "【整改复核】问题编号 " + p.getId() + "\n问题：" + p.getWording() + "\n地点：" + p.place()
        + "\n责任单位：" + unitName + "\n整改情况：" + report + (photos > 0 ? "\n整改照片：" + photos + "张" : "")
        + (warning.isEmpty() ? "" : "\n⚠ " + warning + "，请重点核实")
        + "\n证据：" + evidence(p) + "\n请核实后点击“通过”（销号）或“驳回”（随后回复驳回理由）。";
    return card(text, "整改复核（" + p.getId() + "号）", warning.isEmpty() ? unitName : "⚠ " + warning + " · " + unitName,
        report,
        List.of(new OutgoingMessage.Button(key(p.getId(), APPROVE), "通过"),
            new OutgoingMessage.Button(key(p.getId(), REJECT), "驳回")));
  }

  static OutgoingMessage closed(Problem p, String reviewer) {
    return OutgoingMessage.text("问题编号 " + p.getId() + "（" + p.getWording() + "）整改已通过" + reviewer
        + "复核，已销号。");
  }

  /** To the unit's contacts and the inspector when the county office closes a problem itself. */
  static OutgoingMessage closedByOffice(Problem p, String by, String reason) {
    return OutgoingMessage.text("问题编号 " + p.getId() + "（" + p.getWording() + "）已由县督导办" + by
        + "销号。原因：" + reason);
  }

  String evidence(Problem p) {
    return properties.evidenceLink(p.getId());
  }

  private static OutgoingMessage card(String text, String title, String description, String subTitle,
                                      List<OutgoingMessage.Button> buttons) {
    return OutgoingMessage.buttonCard(text, shorten(title, 36), shorten(description, 44), shorten(subTitle, 112),
        buttons, "dp" + UUID.randomUUID().toString().replace("-", ""));
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
