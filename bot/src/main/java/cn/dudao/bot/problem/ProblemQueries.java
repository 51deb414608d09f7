package cn.dudao.bot.problem;

import cn.dudao.bot.audit.AuditEventRepository;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the problem list for the console, reminders and the bot, always through {@link Access}: a list
 * in the actor's scope, one problem with its history, and the red (overdue) items for escalation.
 */
@Service
@Transactional(readOnly = true)
public class ProblemQueries {

  private final ProblemRepository problems;
  private final ProblemReportRepository reports;
  private final AuditEventRepository audit;
  private final ResponsibleUnitRepository units;
  private final Access access;
  private final Clock clock;

  ProblemQueries(ProblemRepository problems, ProblemReportRepository reports, AuditEventRepository audit,
                 ResponsibleUnitRepository units, Access access, Clock clock) {
    this.problems = problems;
    this.reports = reports;
    this.audit = audit;
    this.units = units;
    this.access = access;
    this.clock = clock;
  }

  /** The plan's problems the actor may see ({@link Access#scope}), filtered, oldest first. */
  public List<ProblemView> list(Actor actor, long planId, ProblemFilter filter) {
    Access.Scope scope = access.scope(actor, planId);
    LocalDate today = ProblemColour.today(clock);
    Map<Long, String> names = unitNames(planId);
    return problems.findByPlanIdOrderByIdAsc(planId).stream()
        .filter(p -> visible(scope, p))
        .map(p -> new ProblemView(p, names.getOrDefault(p.getUnitId(), "（未指定）"),
            ProblemColour.of(p.getStatus(), p.getDeadline(), today)))
        .filter(v -> filter.matches(v.problem(), v.colour()))
        .toList();
  }

  /** One problem with its reports and audit trail; refused (and recorded) outside the actor's reach. */
  public ProblemDetail detail(Actor actor, long problemId) {
    Problem p = problems.findById(problemId).orElseThrow(() -> new IllegalArgumentException("no problem " + problemId));
    access.require(actor, Access.Action.VIEW, ProblemWorkflow.target(p));
    String unit = p.getUnitId() == null ? "（未指定）"
        : units.findById(p.getUnitId()).map(ResponsibleUnit::getName).orElse("（未指定）");
    return new ProblemDetail(new ProblemView(p, unit,
        ProblemColour.of(p.getStatus(), p.getDeadline(), ProblemColour.today(clock))),
        reports.findByProblemIdOrderByIdAsc(problemId), audit.findByTargetOrderByIdAsc(ProblemWorkflow.label(p)));
  }

  /**
   * The plan's red items today (open and past their deadline), most overdue first: what escalation
   * sends to the team leaders and the county office. No authorization: for schedulers only.
   */
  public List<ProblemView> overdue(long planId) {
    LocalDate today = ProblemColour.today(clock);
    List<ProblemStatus> open = java.util.Arrays.stream(ProblemStatus.values()).filter(ProblemStatus::open).toList();
    Map<Long, String> names = unitNames(planId);
    return problems.findByPlanIdAndStatusInAndDeadlineBeforeOrderByDeadlineAscIdAsc(planId, open, today).stream()
        .map(p -> new ProblemView(p, names.getOrDefault(p.getUnitId(), "（未指定）"), ProblemColour.RED))
        .toList();
  }

  /** What a unit contact is told when he writes to the bot: his units' open problems. */
  String describeForContact(Actor actor) {
    if (actor.planId() == null) {
      return "您好！目前没有交办给您单位的问题。";
    }
    List<ProblemView> open = list(actor, actor.planId(), new ProblemFilter(null, null, null, null, true)).stream()
        .filter(v -> v.problem().getUnitId() != null && actor.unitIds().contains(v.problem().getUnitId()))
        .toList();
    if (open.isEmpty()) {
      return "您好，" + actor.name() + "！目前没有交办给您单位的待整改问题。整改通知会通过督导助手发送给您。";
    }
    StringBuilder text = new StringBuilder("您好，" + actor.name() + "！交办给您单位的待整改问题：");
    open.forEach(v -> text.append("\n").append(v.id()).append("号 ").append(v.problem().getWording())
        .append("（").append(v.problem().getStatus().label()).append("，时限 ")
        .append(ProblemCards.DAY.format(v.deadline())).append("）"));
    text.append("\n请在对应的整改通知卡片上点击“签收”或“提交整改情况”。");
    return text.toString();
  }

  static boolean visible(Access.Scope scope, Problem p) {
    return scope.coversWork(p.getTeamId(), p.getMemberId()) || scope.coversUnit(p.getUnitId());
  }

  private Map<Long, String> unitNames(long planId) {
    return units.findByPlanIdOrderBySortOrderAscIdAsc(planId).stream()
        .collect(Collectors.toMap(ResponsibleUnit::getId, ResponsibleUnit::getName, (a, b) -> a));
  }

}
