package cn.dudao.bot.problem;

import cn.dudao.bot.evidence.EvidenceLedger;
import cn.dudao.bot.evidence.MediaFetches;
import cn.dudao.bot.evidence.MediaOutcome;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Actor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat state of the rectification loop: after 提交整改情况 a unit contact's photos collect and his
 * next text completes the report; after 驳回 the reviewer's next text is the reason. “取消” drops it.
 * Photos come through the evidence pipeline (fetched at once, stored, thumbnailed): the draft keeps
 * their evidence ids, the same photo twice counts once, and one that could not be stored is explained
 * while the draft stays open. Voice, video and files get a hint.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RectificationDrafts {

  /** What a person may send while writing: text and photos, and what earns a hint instead. */
  private static final java.util.Set<InboundMessage.Kind> DRAFTED = java.util.EnumSet.of(InboundMessage.Kind.TEXT,
      InboundMessage.Kind.IMAGE, InboundMessage.Kind.VOICE, InboundMessage.Kind.VIDEO, InboundMessage.Kind.FILE);

  static final String CANCEL = "取消";
  static final String REPORT_HINT = "整改情况请用照片和文字提交（照片支持 JPG、PNG 格式），语音、视频和文件无法保存。"
      + "请发送整改后的照片，或发送文字说明（发送后即提交复核），回复“取消”放弃。";
  static final String STILL_OPEN = "整改情况尚未提交，可继续发送照片，或发送文字说明后提交复核，回复“取消”放弃。";
  static final String REJECTION_HINT = "请用文字回复驳回理由，回复“取消”放弃驳回。";

  private final RectificationDraftRepository drafts;
  private final ProblemRepository problems;
  private final ProblemWorkflow workflow;
  private final ProblemReview review;
  private final MediaFetches fetches;
  private final EvidenceLedger ledger;
  private final Clock clock;
  private final JdbcTemplate jdbc;

  RectificationDrafts(RectificationDraftRepository drafts, ProblemRepository problems, ProblemWorkflow workflow,
                      ProblemReview review, MediaFetches fetches, EvidenceLedger ledger, Clock clock,
                      JdbcTemplate jdbc) {
    this.drafts = drafts;
    this.problems = problems;
    this.workflow = workflow;
    this.review = review;
    this.fetches = fetches;
    this.ledger = ledger;
    this.clock = clock;
    this.jdbc = jdbc;
  }

  List<OutgoingMessage> startReport(Problem problem, Actor actor, String userId) {
    if (problem.getStatus() == ProblemStatus.ASSIGNED) {
      return List.of(OutgoingMessage.text("请先点击“签收”，再提交整改情况。"));
    }
    if (workflow.allowed(problem, ProblemTransitions.Transition.START)) {
      workflow.apply(problem, ProblemTransitions.Transition.START, actor.id(), actor.name() + " 开始提交整改情况");
    } else if (problem.getStatus() != ProblemStatus.RECTIFYING) {
      throw new ProblemWorkflow.NotAllowed("该问题当前状态为“" + problem.getStatus().label() + "”，不能提交整改情况。");
    }
    open(userId, problem, RectificationDraft.Purpose.REPORT);
    return List.of(OutgoingMessage.text("请提交问题 " + problem.getId() + "（" + problem.getWording()
        + "）的整改情况：可先发送整改后的照片，再发送文字说明，发送文字后即提交复核。回复“取消”放弃。"));
  }

  List<OutgoingMessage> startRejection(Problem problem, String userId) {
    if (!workflow.allowed(problem, ProblemTransitions.Transition.REJECT)) {
      throw new ProblemWorkflow.NotAllowed("该问题当前状态为“" + problem.getStatus().label() + "”，不能驳回。");
    }
    open(userId, problem, RectificationDraft.Purpose.REJECTION);
    return List.of(OutgoingMessage.text("请回复驳回理由（问题 " + problem.getId() + "），回复“取消”放弃驳回。"));
  }

  /**
   * Applies a text or photo to the sender's open draft (and answers voice, video or a file with a hint);
   * empty when he has none or sent something else.
   */
  Optional<List<OutgoingMessage>> take(InboundRecord record, InboundMessage message, Actor actor) {
    if (!DRAFTED.contains(message.kind())) {
      return Optional.empty();
    }
    // Nearly every message asks and nearly no one has a draft: a plain read first, the entity only then.
    // Drafts are opened by card presses, each in its own step's transaction, so none is unflushed here.
    if (jdbc.queryForList("SELECT wecom_user_id FROM rectification_drafts WHERE wecom_user_id = ?", String.class,
        message.userId()).isEmpty()) {
      return Optional.empty();
    }
    Optional<RectificationDraft> open = drafts.findById(message.userId());
    if (open.isEmpty()) {
      return Optional.empty();
    }
    RectificationDraft draft = open.get();
    boolean report = draft.getPurpose() == RectificationDraft.Purpose.REPORT;
    if (message.kind() != InboundMessage.Kind.TEXT && message.kind() != InboundMessage.Kind.IMAGE) {
      return Optional.of(List.of(OutgoingMessage.text(report ? REPORT_HINT : REJECTION_HINT)));
    }
    if (message.kind() == InboundMessage.Kind.IMAGE) {
      return Optional.of(report ? List.of(OutgoingMessage.text(photo(record, draft)))
          : List.of(OutgoingMessage.text(REJECTION_HINT)));
    }
    String text = message.text() == null ? "" : message.text().strip();
    drafts.delete(draft);
    if (text.equals(CANCEL)) {
      return Optional.of(List.of(OutgoingMessage.text(report ? "已取消提交整改情况。" : "已取消驳回。")));
    }
    if (text.isEmpty()) {
      drafts.save(draft);
      return Optional.of(List.of(OutgoingMessage.text("内容不能为空，请重新发送。")));
    }
    Problem problem = problems.findForUpdate(draft.getProblemId()).orElseThrow();
    try {
      return Optional.of(report
          ? review.submit(problem, actor, text, draft.evidence(), message.userId(), message.channel())
          : review.reject(problem, actor, text, message.channel()));
    } catch (ProblemWorkflow.NotAllowed notNow) {
      return Optional.of(List.of(OutgoingMessage.text(notNow.getMessage())));
    }
  }

  /** Adds the stored photo of an image message to a report draft; what to tell the sender. */
  private String photo(InboundRecord record, RectificationDraft draft) {
    MediaFetches.Settled fetched = fetches.find(record.getId())
        .orElseThrow(() -> new IllegalStateException("image " + record.getId() + " applied before its fetch settled"));
    if (fetched.outcome() != MediaOutcome.STORED) {
      return fetched.outcome().message() + STILL_OPEN;
    }
    List<Long> kept = draft.evidence().stream().filter(id -> id.matches("\\d{1,18}")).map(Long::valueOf).toList();
    if (ledger.samePhotoAmong(fetched.evidenceId(), kept)) {
      return "这张照片已经收到过，不重复计入（共" + draft.evidence().size() + "张）。" + STILL_OPEN;
    }
    draft.addEvidence(Long.toString(fetched.evidenceId()));
    return "已收到整改照片（共" + draft.evidence().size() + "张）。请发送整改情况文字说明，发送后即提交复核。";
  }

  private void open(String userId, Problem problem, RectificationDraft.Purpose purpose) {
    drafts.findById(userId).ifPresent(drafts::delete);
    drafts.flush();
    drafts.save(new RectificationDraft(userId, problem.getId(), purpose, clock.instant()));
  }
}
