package cn.dudao.bot.plan;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates plans and switches them on and off: the county office sets up a new round (or another
 * county) with its dates, standards and teams, then fills it by import. Several plans may be active at
 * once; the bot serves each person from his own (see {@link Roster}).
 */
@Service
public class Plans {

  /** What the console's "new plan" form asks for. */
  public record NewPlan(String code, String name, String county, Integer year, LocalDate fieldStart,
                        LocalDate fieldEnd, Integer extensionDays, LocalDate reportDue, BigDecimal monitoringLine,
                        Integer rectificationDays, List<String> teamNames) {}

  /** The form's problems, in Chinese. */
  public static class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public Invalid(List<String> problems) {
      super(String.join("；", problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  private final PlanRepository plans;
  private final TeamRepository teams;
  private final Access access;
  private final AuditLog audit;

  public Plans(PlanRepository plans, TeamRepository teams, Access access, AuditLog audit) {
    this.plans = plans;
    this.teams = teams;
    this.access = access;
    this.audit = audit;
  }

  /** Creates a plan with its teams (第一组, 第二组 … unless named); county office only. */
  @Transactional
  public Plan create(Actor actor, NewPlan form) {
    access.require(actor, Access.Action.ADMIN, Target.plans());
    List<String> problems = check(form);
    if (!problems.isEmpty()) {
      throw new Invalid(problems);
    }
    Plan plan = plans.save(new Plan(form.code().strip(), form.name().strip(), form.county().strip(), form.year(),
        form.fieldStart(), form.fieldEnd(), form.extensionDays() == null ? 0 : form.extensionDays(), form.reportDue(),
        form.monitoringLine())
        .withRectificationDays(form.rectificationDays() == null ? Plan.DEFAULT_RECTIFICATION_DAYS : form.rectificationDays()));
    int number = 1;
    for (String team : teamNames(form)) {
      teams.save(new Team(plan.getId(), number++, team));
    }
    audit.record(actor.id(), "create plan", "plan:" + plan.getId(), AuditEvent.Outcome.APPLIED,
        plan.getName() + "（" + plan.getCode() + "）");
    return plan;
  }

  /** Marks a plan active or inactive; county office only. */
  @Transactional
  public Plan setActive(Actor actor, long planId, boolean active) {
    access.require(actor, Access.Action.ADMIN, Target.plan(planId));
    Plan plan = plans.findById(planId).orElseThrow(() -> new IllegalArgumentException("no plan " + planId));
    plan.setActive(active);
    audit.record(actor.id(), active ? "activate plan" : "deactivate plan", "plan:" + planId,
        AuditEvent.Outcome.APPLIED, plan.getName());
    return plan;
  }

  /** Adds a team to a plan; county office only. */
  @Transactional
  public Team addTeam(Actor actor, long planId, String name) {
    access.require(actor, Access.Action.ADMIN, Target.plan(planId));
    String n = name == null ? "" : name.strip();
    List<Team> existing = teams.findByPlanIdOrderByNumber(planId);
    if (n.isEmpty() || n.length() > 64 || existing.stream().anyMatch(t -> t.getName().equals(n))) {
      throw new Invalid(List.of("督导组名称为空、过长或已存在"));
    }
    Team team = teams.save(new Team(planId, existing.stream().mapToInt(Team::getNumber).max().orElse(0) + 1, n));
    audit.record(actor.id(), "add team", "team:" + team.getId() + "@plan:" + planId, AuditEvent.Outcome.APPLIED, n);
    return team;
  }

  private List<String> check(NewPlan f) {
    List<String> p = new ArrayList<>();
    if (blank(f.code()) || !f.code().strip().matches("[A-Za-z0-9_-]{1,64}")) {
      p.add("方案编号必填，只能包含字母、数字、- 和 _");
    } else if (plans.findByCode(f.code().strip()).isPresent()) {
      p.add("方案编号“" + f.code().strip() + "”已存在");
    }
    if (blank(f.name()) || f.name().strip().length() > 200) {
      p.add("方案名称必填，最长 200 字");
    }
    if (blank(f.county()) || f.county().strip().length() > 64) {
      p.add("县名必填");
    }
    if (f.year() == null || f.year() < 2000 || f.year() > 2100) {
      p.add("年度应为 2000 至 2100 之间的年份");
    }
    if (f.fieldStart() == null || f.fieldEnd() == null) {
      p.add("实地督导的开始和结束日期必填");
    } else if (f.fieldEnd().isBefore(f.fieldStart())) {
      p.add("实地督导的结束日期早于开始日期");
    } else if (f.reportDue() != null && f.reportDue().isBefore(f.fieldStart())) {
      p.add("报告截止日期早于实地督导开始日期");
    }
    if (f.extensionDays() != null && (f.extensionDays() < 0 || f.extensionDays() > 60)) {
      p.add("可顺延天数应为 0 至 60");
    }
    if (f.rectificationDays() != null && (f.rectificationDays() < 1 || f.rectificationDays() > 365)) {
      p.add("默认整改期限应为 1 至 365 天");
    }
    if (f.monitoringLine() != null && f.monitoringLine().signum() < 0) {
      p.add("监测收入线不能为负数");
    }
    if (teamNames(f).isEmpty()) {
      p.add("至少需要一个督导组");
    }
    return p;
  }

  private static Set<String> teamNames(NewPlan f) {
    Set<String> names = new LinkedHashSet<>();
    if (f.teamNames() != null) {
      f.teamNames().stream().map(String::strip).filter(s -> !s.isEmpty() && s.length() <= 64).forEach(names::add);
    }
    return names;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
