package cn.dudao.bot.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditEventRepository;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Actors;
import cn.dudao.bot.plan.Area;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.ResponsibleUnit;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.plan.Target;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The county office's merge of a duplicate and its per-indicator unit rule, on the real database: who
 * may do them, what they change, and what the audit trail says.
 */
@SpringBootTest(classes = BotApplication.class, properties = {
    "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
    "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
    "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY})
class ProblemAdminIT {

  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final Actor OFFICE = Actor.countyOffice("console:admin", "管理员");

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @Autowired
  ProblemAdmin admin;
  @Autowired
  ProblemUnits unitRules;
  @Autowired
  ProblemRepository problems;
  @Autowired
  PlanRepository plans;
  @Autowired
  AreaRepository areas;
  @Autowired
  MemberRepository members;
  @Autowired
  ResponsibleUnitRepository units;
  @Autowired
  AuditEventRepository audit;
  @Autowired
  Actors actors;

  @Test
  void aDuplicateIsMergedIntoAnOpenProblemWithItsEvidenceAndBothTrailsSayWhy() {
    Problem keep = save(ProblemStatus.ASSIGNED, "安全饮水：三组停水", List.of("11"));
    Problem duplicate = save(ProblemStatus.ACKNOWLEDGED, "安全饮水：三组自来水停水", List.of("12", "11"));
    Problem closed = save(ProblemStatus.CLOSED, "已销号的问题", List.of());
    Actor contact = actors.forWecomUser("slj-lly");

    assertThatThrownBy(() -> admin.merge(contact, duplicate.getId(), keep.getId(), "重复"))
        .isInstanceOf(Access.Refused.class);
    assertThatThrownBy(() -> admin.merge(OFFICE, duplicate.getId(), duplicate.getId(), "重复"))
        .hasMessage("不能与自身合并");
    assertThatThrownBy(() -> admin.merge(OFFICE, duplicate.getId(), keep.getId(), " ")).hasMessage("请填写原因");
    assertThatThrownBy(() -> admin.merge(OFFICE, duplicate.getId(), closed.getId(), "重复"))
        .hasMessage("只能合并到同一方案中未销号的问题");
    assertThat(problems.findById(duplicate.getId()).orElseThrow().getStatus()).isEqualTo(ProblemStatus.ACKNOWLEDGED);

    admin.merge(OFFICE, duplicate.getId(), keep.getId(), "同一处停水");

    Problem merged = problems.findById(duplicate.getId()).orElseThrow();
    assertThat(merged.getStatus()).isEqualTo(ProblemStatus.MERGED);
    assertThat(merged.getMergedIntoId()).isEqualTo(keep.getId());
    assertThat(problems.findById(keep.getId()).orElseThrow().getEvidenceIds()).containsExactly("11", "12");
    assertThat(problems.findById(keep.getId()).orElseThrow().getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(trail(duplicate)).extracting(e -> e.getAction() + " " + e.getActor() + " " + e.getDetail())
        .containsExactly("problem merge console:admin 已签收 → 已合并：并入 " + keep.getId() + " 号：同一处停水");
    // The unit contact's attempt is on record first (refused on the problem it would have kept).
    assertThat(trail(keep)).extracting(e -> e.getAction() + " " + e.getOutcome() + " " + e.getDetail())
        .containsExactly("admin problem DENIED 仅县督导办可以管理督导方案",
            "problem merge APPLIED 合并 " + duplicate.getId() + " 号：同一处停水");
    // A merged problem is no longer open: it cannot be merged again nor closed.
    assertThatThrownBy(() -> admin.merge(OFFICE, duplicate.getId(), keep.getId(), "再合并"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("已合并");
    assertThatThrownBy(() -> admin.close(OFFICE, duplicate.getId(), "销号"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theCountyOfficeChangesWhichUnitAnIndicatorGoesToAndOthersCannot() {
    long plan = planId();
    Area area = areas.findByPlanIdOrderBySortOrder(plan).get(0);
    assertThat(unitRules.resolve(plan, "drinking_water", area.getId()).map(ResponsibleUnit::getName))
        .contains("县水利局");
    assertThat(unitRules.resolve(plan, "collective_income", area.getId()).map(ResponsibleUnit::getName))
        .contains(area.getName());
    long housing = units.findByPlanIdAndName(plan, "县住建局").orElseThrow().getId();
    Actor inspector = actors.forWecomUser("lvliping");

    assertThatThrownBy(() -> unitRules.setRule(inspector, plan, "drinking_water", housing))
        .isInstanceOf(Access.Refused.class);
    assertThat(audit.findByActorOrderByIdAsc("wecom:lvliping")).extracting(AuditEvent::getOutcome).contains("DENIED");

    unitRules.setRule(OFFICE, plan, "drinking_water", housing);
    unitRules.setRule(OFFICE, plan, "collective_income", housing);
    assertThat(unitRules.resolve(plan, "drinking_water", area.getId()).map(ResponsibleUnit::getName)).contains("县住建局");
    assertThat(unitRules.resolve(plan, "collective_income", area.getId()).map(ResponsibleUnit::getName))
        .contains("县住建局");
    long water = units.findByPlanIdAndName(plan, "县水利局").orElseThrow().getId();
    unitRules.setRule(OFFICE, plan, "drinking_water", water); // the rule is changed, not duplicated
    assertThat(unitRules.resolve(plan, "drinking_water", area.getId()).map(ResponsibleUnit::getName)).contains("县水利局");
    assertThat(audit.findByTargetOrderByIdAsc(Target.plan(plan).label())).extracting(AuditEvent::getDetail)
        .containsSubsequence("drinking_water → 县住建局", "collective_income → 县住建局", "drinking_water → 县水利局");
  }

  private Problem save(ProblemStatus status, String wording, List<String> evidence) {
    long plan = planId();
    Area area = areas.findByPlanIdOrderBySortOrder(plan).get(0);
    Member inspector = members.findActiveByWecomUserId("lvliping").get(0);
    long unit = units.findByPlanIdAndName(plan, "县水利局").orElseThrow().getId();
    Problem p = new Problem(plan, null, null, "drinking_water", null, wording, area.getId(), null, null,
        area.getName(), evidence, inspector.getId(), inspector.getName(), area.getTeamId(), unit,
        LocalDate.now().plusDays(10), Instant.now());
    p.moveTo(status, Instant.now());
    return problems.save(p);
  }

  private List<AuditEvent> trail(Problem p) {
    return audit.findByTargetOrderByIdAsc(ProblemWorkflow.label(p));
  }

  private long planId() {
    return plans.findByActiveTrueOrderByIdDesc().get(0).getId();
  }
}
