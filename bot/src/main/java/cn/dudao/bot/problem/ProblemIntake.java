package cn.dudao.bot.problem;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes problems, in the transaction that confirmed their finding: standard wording (the indicator's
 * name and what the inspector wrote), the responsible unit from {@link ProblemUnits}, a deadline the
 * plan's rectification days from today; then 交办 at once when the unit has a WeCom contact.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ProblemIntake {

  private final ProblemRepository problems;
  private final ProblemUnits units;
  private final PlanRepository plans;
  private final AreaRepository areas;
  private final MemberRepository members;
  private final ProblemWorkflow workflow;
  private final ProblemRecipients recipients;
  private final ProblemCards cards;
  private final Outbox outbox;
  private final Clock clock;

  ProblemIntake(ProblemRepository problems, ProblemUnits units, PlanRepository plans, AreaRepository areas,
                MemberRepository members, ProblemWorkflow workflow, ProblemRecipients recipients, ProblemCards cards,
                Outbox outbox, Clock clock) {
    this.problems = problems;
    this.units = units;
    this.plans = plans;
    this.areas = areas;
    this.members = members;
    this.workflow = workflow;
    this.recipients = recipients;
    this.cards = cards;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** The problem made from {@code finding} (once: a second call returns the first problem). */
  public Problem fromFinding(Finding finding, String indicatorName, InboundMessage.Channel channel) {
    Optional<Problem> existing = problems.findByFindingId(finding.getId());
    if (existing.isPresent()) {
      return existing.get();
    }
    return open(finding.getPlanId(), finding.getId(), finding.getInspectionId(), finding.getIndicator(),
        finding.getCategory(), wording(indicatorName, finding.getDisplayText(), finding.getDescription()),
        finding.getAreaId(), finding.getVillageId(), finding.getHouseholdId(), finding.getSubject(),
        finding.getEvidenceIds(), finding.getMemberId(), finding.getInspectorName(), channel);
  }

  /** A problem from another source (a verified complaint), made and assigned the same way. */
  Problem open(Long planId, Long findingId, Long inspectionId, String indicator, String category, String wording,
               Long areaId, Long villageId, Long householdId, String subject, List<String> evidence, Long memberId,
               String inspectorName, InboundMessage.Channel channel) {
    Plan plan = plans.findById(planId).orElseThrow();
    Long teamId = areaId == null ? null : areas.findById(areaId).map(Area::getTeamId).orElse(null);
    if (teamId == null) {
      teamId = members.findById(memberId).map(m -> m.getTeamId()).orElse(null);
    }
    Long unitId = units.resolve(planId, indicator, areaId).map(ResponsibleUnit::getId).orElse(null);
    Problem problem = problems.save(new Problem(planId, findingId, inspectionId, indicator, category, wording, areaId,
        villageId, householdId, subject, evidence, memberId, inspectorName, teamId, unitId,
        ProblemColour.today(clock).plusDays(plan.getRectificationDays()), clock.instant()));
    workflow.note(problem, "problem open", ProblemWorkflow.SYSTEM, "待交办：" + recipients.unitName(unitId)
        + "，整改时限 " + problem.getDeadline());
    assignIfReachable(problem, ProblemWorkflow.SYSTEM, channel);
    return problem;
  }

  /** 交办: sends the notice when the unit has contacts in WeCom; false when nobody could be told. */
  boolean assignIfReachable(Problem problem, String actorId, InboundMessage.Channel channel) {
    List<String> contacts = recipients.unitContacts(problem.getUnitId());
    if (contacts.isEmpty() || !workflow.allowed(problem, ProblemTransitions.Transition.ASSIGN)) {
      return false;
    }
    workflow.apply(problem, ProblemTransitions.Transition.ASSIGN, actorId,
        "通知 " + recipients.unitName(problem.getUnitId()) + " " + contacts.size() + " 名联系人");
    notifyUnit(problem, channel);
    return true;
  }

  /** Sends the rectification notice to every WeCom contact of the problem's unit; how many were told. */
  int notifyUnit(Problem problem, InboundMessage.Channel channel) {
    List<String> contacts = recipients.unitContacts(problem.getUnitId());
    String unitName = recipients.unitName(problem.getUnitId());
    contacts.forEach(c -> outbox.enqueue(channel, c, cards.notice(problem, unitName)));
    return contacts.size();
  }

  static String wording(String indicatorName, String display, String description) {
    String name = indicatorName == null || indicatorName.isBlank() ? "督导发现问题" : indicatorName.strip();
    String what = description == null || description.isBlank() ? display : description;
    return what == null || what.isBlank() ? name + "不达标" : name + "：" + what.strip();
  }
}
