package cn.dudao.bot.problem;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Actor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat state of the rectification loop: after 提交整改情况 a unit contact's photos collect and his
 * next text completes the report; after 驳回 the reviewer's next text is the reason. “取消” drops it.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RectificationDrafts {

  static final String CANCEL = "取消";

  private final RectificationDraftRepository drafts;
  private final ProblemRepository problems;
  private final ProblemWorkflow workflow;
  private final ProblemReview review;
  private final Clock clock;

  RectificationDrafts(RectificationDraftRepository drafts, ProblemRepository problems, ProblemWorkflow workflow,
                      ProblemReview review, Clock clock) {
    this.drafts = drafts;
    this.problems = problems;
    this.workflow = workflow;
    this.review = review;
    this.clock = clock;
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

  /** Applies a text or photo to the sender's open draft; empty when he has none or it is another kind. */
  Optional<List<OutgoingMessage>> take(InboundMessage message, Actor actor) {
    if (message.kind() != InboundMessage.Kind.TEXT && message.kind() != InboundMessage.Kind.IMAGE) {
      return Optional.empty();
    }
    Optional<RectificationDraft> open = drafts.findById(message.userId());
    if (open.isEmpty()) {
      return Optional.empty();
    }
    RectificationDraft draft = open.get();
    boolean report = draft.getPurpose() == RectificationDraft.Purpose.REPORT;
    if (message.kind() == InboundMessage.Kind.IMAGE) {
      if (!report) {
        return Optional.of(List.of(OutgoingMessage.text("请用文字回复驳回理由，回复“取消”放弃驳回。")));
      }
      draft.addEvidence("wecom-media:" + message.mediaId());
      return Optional.of(List.of(OutgoingMessage.text("已收到整改照片（共" + draft.evidence().size()
          + "张）。请发送整改情况文字说明，发送后即提交复核。")));
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
      return Optional.of(report ? review.submit(problem, actor, text, draft.evidence(), message.channel())
          : review.reject(problem, actor, text, message.channel()));
    } catch (ProblemWorkflow.NotAllowed notNow) {
      return Optional.of(List.of(OutgoingMessage.text(notNow.getMessage())));
    }
  }

  private void open(String userId, Problem problem, RectificationDraft.Purpose purpose) {
    drafts.findById(userId).ifPresent(drafts::delete);
    drafts.flush();
    drafts.save(new RectificationDraft(userId, problem.getId(), purpose, clock.instant()));
  }
}
