package cn.dudao.bot.problem;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Picks the responsible unit for a new problem: the plan's rule for its indicator, else the county's
 * usual department for it (饮水 → 县水利局, 住房 → 县住建局, 医疗 → 县卫健局, 医保 → 县医保局, 教育 → 县教育局,
 * 兜底保障 → 县民政局) when the plan has a unit of that name, else the township of the problem's area.
 */
@Service
public class ProblemUnits {

  static final Map<String, String> USUAL_DEPARTMENT = Map.ofEntries(
      Map.entry("drinking_water", "县水利局"), Map.entry("safe_water", "县水利局"),
      Map.entry("housing", "县住建局"), Map.entry("housing_safety", "县住建局"),
      Map.entry("medical", "县卫健局"), Map.entry("basic_medical", "县卫健局"), Map.entry("village_clinic", "县卫健局"),
      Map.entry("medical_insurance", "县医保局"),
      Map.entry("education", "县教育局"), Map.entry("compulsory_education", "县教育局"),
      Map.entry("comprehensive_security", "县民政局"), Map.entry("social_assistance", "县民政局"));

  private final ProblemUnitRuleRepository rules;
  private final ResponsibleUnitRepository units;
  private final Access access;
  private final AuditLog audit;

  ProblemUnits(ProblemUnitRuleRepository rules, ResponsibleUnitRepository units, Access access, AuditLog audit) {
    this.rules = rules;
    this.units = units;
    this.access = access;
    this.audit = audit;
  }

  /** The unit problems of {@code indicator} in {@code areaId} go to, or empty when the plan has none. */
  @Transactional(readOnly = true)
  public Optional<ResponsibleUnit> resolve(long planId, String indicator, Long areaId) {
    Optional<ResponsibleUnit> ruled = rules.findByPlanIdAndIndicator(planId, indicator)
        .flatMap(r -> units.findById(r.getUnitId()));
    if (ruled.isPresent()) {
      return ruled;
    }
    String usual = USUAL_DEPARTMENT.get(indicator);
    if (usual != null) {
      Optional<ResponsibleUnit> department = units.findByPlanIdAndName(planId, usual);
      if (department.isPresent()) {
        return department;
      }
    }
    List<ResponsibleUnit> all = units.findByPlanIdOrderBySortOrderAscIdAsc(planId);
    return all.stream().filter(u -> u.getKind() == ResponsibleUnit.Kind.TOWNSHIP && areaId != null
            && areaId.equals(u.getAreaId())).findFirst()
        .or(() -> all.stream().filter(u -> u.getKind() == ResponsibleUnit.Kind.COUNTY_OFFICE).findFirst());
  }

  /** Sets the plan's unit for an indicator (county office only). */
  @Transactional
  public void setRule(Actor actor, long planId, String indicator, long unitId) {
    access.require(actor, Access.Action.ADMIN, Target.plan(planId));
    ResponsibleUnit unit = units.findById(unitId).filter(u -> u.getPlanId() == planId)
        .orElseThrow(() -> new IllegalArgumentException("no unit " + unitId + " in plan " + planId));
    rules.findByPlanIdAndIndicator(planId, indicator)
        .ifPresentOrElse(r -> r.point(unitId), () -> rules.save(new ProblemUnitRule(planId, indicator, unitId)));
    audit.record(actor.id(), "problem unit rule", Target.plan(planId).label(), AuditEvent.Outcome.APPLIED,
        indicator + " → " + unit.getName());
  }
}
