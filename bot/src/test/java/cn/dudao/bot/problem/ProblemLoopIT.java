package cn.dudao.bot.problem;

import static cn.dudao.bot.testsupport.WeComApiStub.buttonKey;
import static cn.dudao.bot.testsupport.WeComApiStub.isCard;
import static cn.dudao.bot.testsupport.WeComApiStub.textOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditEventRepository;
import cn.dudao.bot.inbox.InboundRecord;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.inspection.FindingRepository;
import cn.dudao.bot.outbox.OutboxRecord;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Actors;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.testsupport.TestServices;
import cn.dudao.bot.testsupport.WeComApiStub;
import cn.dudao.bot.testsupport.WeComCallbacks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Issue 6 end to end by WeCom callbacks: an inspector's village check finds a problem; it is assigned to
 * 县教育局, whose contact signs for it and reports; the inspector rejects the first report with a reason
 * and closes the second. Another unit's contact cannot act on it in chat nor see it through the service.
 */
@SpringBootTest(classes = BotApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "dudao.wecom.corp-id=" + WeComCallbacks.CORP_ID, "dudao.wecom.agent-id=" + WeComCallbacks.AGENT_ID,
        "dudao.wecom.secret=" + WeComCallbacks.SECRET, "dudao.wecom.token=" + WeComCallbacks.TOKEN,
        "dudao.wecom.aes-key=" + WeComCallbacks.AES_KEY, "dudao.problems.console-url=https://dudao.example.cn",
        // The inspector gets more than WeCom's per-minute share here; pacing is the outbox's own tests' concern.
        "dudao.outbox.per-member-per-minute=500", "dudao.outbox.per-member-per-hour=5000"})
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ProblemLoopIT {

  private static final String INSPECTOR = "lvliping";
  private static final String EDUCATION = "jyj-lly";
  private static final String WATER = "slj-lly";
  private static final WeComApiStub WECOM = new WeComApiStub().start();
  private static final AtomicLong CLICK = new AtomicLong(Instant.now().getEpochSecond());

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.wecom.api-base-url", WECOM::baseUrl);
  }

  @AfterAll
  static void stopWeCom() {
    WECOM.stop();
  }

  @LocalServerPort
  int port;
  @Autowired
  FindingRepository findings;
  @Autowired
  ProblemRepository problems;
  @Autowired
  ProblemReportRepository reports;
  @Autowired
  AuditEventRepository audit;
  @Autowired
  InboxRepository inbox;
  @Autowired
  OutboxRepository outbox;
  @Autowired
  ResponsibleUnitRepository units;
  @Autowired
  ProblemQueries queries;
  @Autowired
  Actors actors;
  @Autowired
  ProblemAdmin admin;

  WeComCallbacks callbacks;

  @BeforeEach
  void setUp() {
    callbacks = new WeComCallbacks("http://127.0.0.1:" + port);
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void aProblemGoesThroughEveryTransitionByChatAndOtherUnitsCannotTouchIt() {
    Problem problem = findProblemInVillageCheck();
    long id = problem.getId();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    assertThat(problem.getIndicator()).isEqualTo("compulsory_education");
    assertThat(problem.getWording()).isEqualTo("义务教育：一名适龄儿童因病休学，未落实送教上门");
    assertThat(units.findById(problem.getUnitId()).orElseThrow().getName()).isEqualTo("县教育局");
    assertThat(problem.getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(problem.getDeadline()).isEqualTo(today.plusDays(15));
    assertThat(problem.getInspectorName()).isEqualTo("吕利平");
    assertThat(problem.getSubject()).contains("右卫示例一村");

    // The notice: a card with the problem, place, deadline, evidence link, 签收 and 提交整改情况.
    JsonNode notice = awaitLast(EDUCATION, m -> isCard(m));
    assertThat(WECOM.messagesTo(EDUCATION)).hasSize(1);
    assertThat(textOf(notice)).contains("整改通知（" + id + "号）").contains("义务教育：一名适龄儿童");
    assertThat(notice.path("template_card").toString()).doesNotContain("a:");
    assertThat(buttonKey(notice, "签收")).isEqualTo("p:" + id + ":ack");
    assertThat(buttonKey(notice, "提交整改情况")).isEqualTo("p:" + id + ":report");

    // Another unit's contact pressing this card is refused, and nothing changes.
    press(WATER, "p:" + id + ":ack", "rc-water");
    assertThat(textOf(awaitLast(WATER, m -> true))).contains("您无权处理这个问题");
    assertThat(status(id)).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(audit.findByActorOrderByIdAsc("wecom:" + WATER)).singleElement()
        .satisfies(e -> assertThat(e.getOutcome()).isEqualTo("DENIED"));

    // Reporting before signing is refused politely; then 签收, 提交整改情况, a photo and the text.
    press(EDUCATION, "p:" + id + ":report", "rc-early");
    assertThat(textOf(awaitLast(EDUCATION, m -> !isCard(m)))).contains("请先点击“签收”");
    press(EDUCATION, "p:" + id + ":ack", "rc-ack");
    assertThat(textOf(awaitLast(EDUCATION, m -> textOf(m).contains("已签收问题")))).contains("整改时限");
    assertThat(status(id)).isEqualTo(ProblemStatus.ACKNOWLEDGED);
    press(EDUCATION, "p:" + id + ":report", "rc-report1");
    awaitLast(EDUCATION, m -> textOf(m).contains("请提交问题 " + id));
    assertThat(status(id)).isEqualTo(ProblemStatus.RECTIFYING);
    WECOM.servePhoto("media-rect-1", cn.dudao.bot.testsupport.TestPhotos.jpeg(300, 200, 61, null), 0);
    send(WeComCallbacks.imageXml(EDUCATION, WeComCallbacks.nextMsgId(), "media-rect-1"));
    awaitLast(EDUCATION, m -> textOf(m).contains("已收到整改照片（共1张）"));
    sendText(EDUCATION, "已联系镇中心校，每周两次送教上门");
    awaitLast(EDUCATION, m -> textOf(m).contains("整改情况已提交"));
    assertThat(status(id)).isEqualTo(ProblemStatus.AWAITING_REVIEW);

    // The inspector gets the review card, rejects with a reason; the unit hears it with a new deadline.
    JsonNode review = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("整改复核"));
    assertThat(textOf(review)).contains("已联系镇中心校");
    press(INSPECTOR, buttonKey(review, "驳回"), "rc-reject");
    awaitLast(INSPECTOR, m -> textOf(m).contains("请回复驳回理由"));
    sendText(INSPECTOR, "缺少送教记录");
    awaitLast(INSPECTOR, m -> textOf(m).contains("已驳回问题 " + id));
    assertThat(status(id)).isEqualTo(ProblemStatus.RECTIFYING);
    JsonNode rejected = awaitLast(EDUCATION, m -> isCard(m) && textOf(m).contains("整改驳回"));
    assertThat(textOf(rejected)).contains("缺少送教记录");

    // Second submission, then 通过: 已销号 and the unit is told.
    press(EDUCATION, buttonKey(rejected, "提交整改情况"), "rc-report2");
    awaitLast(EDUCATION, m -> textOf(m).contains("请提交问题 " + id));
    sendText(EDUCATION, "补充了送教记录表和家长签字");
    awaitLast(EDUCATION, m -> textOf(m).contains("整改情况已提交"));
    JsonNode second = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("补充了送教记录表"));
    press(INSPECTOR, buttonKey(second, "通过"), "rc-approve");
    awaitLast(INSPECTOR, m -> textOf(m).contains("已销号"));
    awaitLast(EDUCATION, m -> textOf(m).contains("已销号"));
    assertThat(status(id)).isEqualTo(ProblemStatus.CLOSED);

    // The audit trail: every transition, who and why, in order.
    String target = "problem:" + id + "@plan:" + problem.getPlanId();
    List<AuditEvent> trail = audit.findByTargetOrderByIdAsc(target).stream()
        .filter(e -> e.getOutcome().equals("APPLIED")).toList();
    assertThat(trail).extracting(AuditEvent::getAction).containsExactly("problem open", "problem assign",
        "problem acknowledge", "problem start", "problem submit", "problem reject", "problem submit",
        "problem approve");
    assertThat(trail).extracting(AuditEvent::getActor).containsExactly("system:dudao", "system:dudao",
        "wecom:" + EDUCATION, "wecom:" + EDUCATION, "wecom:" + EDUCATION, "wecom:" + INSPECTOR,
        "wecom:" + EDUCATION, "wecom:" + INSPECTOR);
    assertThat(trail.get(1).getDetail()).startsWith("待交办 → 已交办");
    assertThat(trail.get(4).getDetail()).isEqualTo("整改中 → 待复核：已联系镇中心校，每周两次送教上门");
    assertThat(trail.get(5).getDetail()).startsWith("待复核 → 整改中：缺少送教记录（新整改时限 " + today.plusDays(15));
    assertThat(trail.get(7).getDetail()).startsWith("待复核 → 已销号");
    assertThat(reports.findByProblemIdOrderByIdAsc(id)).extracting(r -> r.getKind() + ":" + r.getBody())
        .containsExactly("REPORT:已联系镇中心校，每周两次送教上门", "REJECTION:缺少送教记录",
            "REPORT:补充了送教记录表和家长签字");
    assertThat(reports.findByProblemIdOrderByIdAsc(id).get(0).getEvidenceIds()).singleElement()
        .satisfies(e -> assertThat(e).as("a real evidence id").matches("\\d+"));

    // Every message the unit contact received, in order; the pressed cards were greyed out once each.
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.countByStatus(OutboxRecord.Status.PENDING) == 0);
    assertThat(WECOM.messagesTo(EDUCATION)).extracting(m -> firstLine(textOf(m))).containsExactly(
        "整改通知（" + id + "号）", "请先点击“签收”，再提交整改情况。", "已签收问题 " + id + "，整改时限 "
            + ProblemCards.DAY.format(today.plusDays(15)) + "。整改完成后请点击“提交整改情况”。",
        "请提交问题 " + id + "（义务教育：一名适龄儿童因病休学，未落实送教上门）的整改情况：可先发送整改后的照片，再发送文字说明，"
            + "发送文字后即提交复核。回复“取消”放弃。",
        "已收到整改照片（共1张）。请发送整改情况文字说明，发送后即提交复核。",
        "整改情况已提交（问题 " + id + "，照片1张），等待吕利平复核。",
        "整改驳回（" + id + "号）",
        "请提交问题 " + id + "（义务教育：一名适龄儿童因病休学，未落实送教上门）的整改情况：可先发送整改后的照片，再发送文字说明，"
            + "发送文字后即提交复核。回复“取消”放弃。",
        "整改情况已提交（问题 " + id + "，照片0张），等待吕利平复核。",
        "问题编号 " + id + "（义务教育：一名适龄儿童因病休学，未落实送教上门）整改已通过吕利平复核，已销号。");
    List<JsonNode> toInspector = WECOM.messagesTo(INSPECTOR);
    assertThat(toInspector.subList(toInspector.size() - 5, toInspector.size()))
        .extracting(m -> firstLine(textOf(m))).containsExactly("整改复核（" + id + "号）",
            "请回复驳回理由（问题 " + id + "），回复“取消”放弃驳回。",
            "已驳回问题 " + id + "，理由已发送责任单位，新整改时限 " + ProblemCards.DAY.format(today.plusDays(15)) + "。",
            "整改复核（" + id + "号）", "已通过，问题 " + id + " 已销号。");
    assertThat(WECOM.bodies("/cgi-bin/message/update_template_card"))
        .extracting(u -> u.path("button").path("replace_name").asString())
        .contains("已签收", "已驳回", "已通过");
    assertThat(WECOM.messagesTo(WATER)).hasSize(1);

    // The service API: each unit sees its own problems only; the detail carries the history.
    Actor water = actors.forWecomUser(WATER);
    Actor education = actors.forWecomUser(EDUCATION);
    assertThat(queries.list(water, problem.getPlanId(), ProblemFilter.ALL)).isEmpty();
    assertThat(queries.list(education, problem.getPlanId(), ProblemFilter.ALL)).extracting(ProblemView::id)
        .containsExactly(id);
    assertThatThrownBy(() -> queries.detail(water, id)).isInstanceOf(Access.Refused.class);
    ProblemDetail detail = queries.detail(education, id);
    assertThat(detail.view().colour()).isEqualTo(ProblemColour.NONE);
    assertThat(detail.history()).extracting(AuditEvent::getAction).contains("problem approve");
    assertThat(queries.overdue(problem.getPlanId())).isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void aVerifiedComplaintBecomesAProblemForTheUsualDepartment() {
    int waterBefore = WECOM.messagesTo(WATER).size();
    for (String answer : List.of("受理举报", "跳过", "跳过", "1", "右卫示例一村三组", "2",
        "三组自来水停水半个月无人处理，村民只能拉水", "跳过", "1")) {
      sendText(INSPECTOR, answer);
    }
    awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("确认无误"));
    sendText(INSPECTOR, "确认");
    JsonNode verify = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("举报核查"));
    assertThat(problems.findAll()).hasSize(1);

    // Someone else's press is refused; the recorder's 属实 makes the problem and notifies 县水利局.
    press(EDUCATION, buttonKey(verify, "属实"), "rc-foreign-verify");
    awaitLast(EDUCATION, m -> textOf(m).contains("您无权处理"));
    assertThat(problems.findAll()).hasSize(1);
    press(INSPECTOR, buttonKey(verify, "属实"), "rc-verify");
    assertThat(textOf(awaitLast(INSPECTOR, m -> textOf(m).contains("已核实举报")))).contains("已交办责任单位");
    Problem complaint = problems.findAll().stream().filter(p -> p.getFindingId() == null).findFirst().orElseThrow();
    assertThat(complaint.getIndicator()).isEqualTo("drinking_water");
    assertThat(complaint.getCategory()).isEqualTo("受理举报");
    assertThat(complaint.getWording()).isEqualTo("受理举报（饮水安全）：三组自来水停水半个月无人处理，村民只能拉水");
    assertThat(units.findById(complaint.getUnitId()).orElseThrow().getName()).isEqualTo("县水利局");
    assertThat(complaint.getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
    assertThat(complaint.getAreaId()).isNotNull();
    JsonNode notice = awaitLast(WATER, m -> isCard(m) && textOf(m).contains("整改通知"));
    assertThat(WECOM.messagesTo(WATER)).hasSize(waterBefore + 1);
    assertThat(buttonKey(notice, "签收")).isEqualTo("p:" + complaint.getId() + ":ack");

    // Pressing it again does not make a second problem.
    press(INSPECTOR, buttonKey(verify, "属实"), "rc-verify-again");
    awaitLast(INSPECTOR, m -> textOf(m).contains("无需重复"));
    assertThat(problems.findAll()).hasSize(2);
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void theCountyOfficeRewordsExtendsAndReassignsWithReasonsAndUnitsCannot() {
    Problem complaint = problems.findAll().stream().filter(p -> p.getFindingId() == null).findFirst().orElseThrow();
    long id = complaint.getId();
    Actor office = Actor.countyOffice("console:admin", "管理员");
    Actor water = actors.forWecomUser(WATER);
    assertThatThrownBy(() -> admin.editWording(water, id, "随便改", "试试")).isInstanceOf(Access.Refused.class);
    assertThatThrownBy(() -> admin.extendDeadline(office, id, complaint.getDeadline(), "原因"))
        .isInstanceOf(IllegalArgumentException.class);

    admin.editWording(office, id, "安全饮水：右卫示例一村三组停水半个月", "规范表述");
    admin.extendDeadline(office, id, complaint.getDeadline().plusDays(5), "冬季施工");
    long township = units.findByPlanIdAndName(complaint.getPlanId(), "右卫镇").orElseThrow().getId();
    admin.reassign(office, id, township, "村级供水站由乡镇管理");

    Problem changed = problems.findById(id).orElseThrow();
    assertThat(changed.getWording()).isEqualTo("安全饮水：右卫示例一村三组停水半个月");
    assertThat(changed.getDeadline()).isEqualTo(complaint.getDeadline().plusDays(5));
    assertThat(changed.getUnitId()).isEqualTo(township);
    assertThat(changed.getStatus()).isEqualTo(ProblemStatus.ASSIGNED);
    JsonNode notice = awaitLast("ywz-lly", m -> isCard(m) && textOf(m).contains("整改通知"));
    assertThat(textOf(notice)).contains("安全饮水：右卫示例一村三组停水半个月");
    List<AuditEvent> history = queries.detail(office, id).history();
    assertThat(history).extracting(AuditEvent::getAction).endsWith("problem edit", "problem extend",
        "problem reassign");
    assertThat(history.get(history.size() - 1).getDetail()).isEqualTo("改由 右卫镇：村级供水站由乡镇管理");
    assertThat(history).extracting(AuditEvent::getActor).endsWith("console:admin", "console:admin", "console:admin");
    // The water bureau no longer sees it; the township's contact does.
    assertThat(queries.list(water, complaint.getPlanId(), ProblemFilter.ALL)).isEmpty();
    assertThat(queries.list(actors.forWecomUser("ywz-lly"), complaint.getPlanId(), ProblemFilter.ALL))
        .extracting(ProblemView::id).containsExactly(id);
  }

  private Problem findProblemInVillageCheck() {
    sendText(INSPECTOR, "开始");
    awaitLast(INSPECTOR, m -> textOf(m).contains("请选择要核查的行政村"));
    sendText(INSPECTOR, "1");
    for (String item : List.of("安全饮水", "义务教育", "基本医疗", "住房安全", "集体经济收入", "产业发展", "通村公路",
        "动力电", "互联网", "低保五保兜底", "养老保险", "村级卫生室")) {
      JsonNode card = awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains(item));
      if (item.equals("义务教育")) {
        sendText(INSPECTOR, "不达标");
        awaitLast(INSPECTOR, m -> textOf(m).contains("不达标的情况"));
        sendText(INSPECTOR, "一名适龄儿童因病休学，未落实送教上门");
      } else {
        press(INSPECTOR, buttonKey(card, "达标"), "rc-" + item);
      }
    }
    awaitLast(INSPECTOR, m -> isCard(m) && textOf(m).contains("签字"));
    sendText(INSPECTOR, "确认");
    Finding finding = await().atMost(Duration.ofSeconds(20)).until(() -> findings.findAll(), l -> l.size() == 1).get(0);
    return await().atMost(Duration.ofSeconds(20)).until(() -> problems.findByFindingId(finding.getId()),
        java.util.Optional::isPresent).get();
  }

  private ProblemStatus status(long id) {
    return problems.findById(id).orElseThrow().getStatus();
  }

  private static String firstLine(String text) {
    return text.split("\n", 2)[0];
  }

  private void sendText(String user, String text) {
    send(WeComCallbacks.textXml(user, WeComCallbacks.nextMsgId(), text));
  }

  private void press(String user, String key, String responseCode) {
    send(WeComCallbacks.cardEventXml(user, CLICK.incrementAndGet(), key, "task-" + responseCode, responseCode));
  }

  /** Posts one callback and waits until it was applied (its inbox row left PENDING). */
  private void send(String xml) {
    long before = inbox.count();
    assertThat(callbacks.post(xml)).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> inbox.count() > before
        && inbox.findAll().stream().noneMatch(r -> r.getStatus() == InboundRecord.Status.PENDING));
  }

  private JsonNode awaitLast(String user, Predicate<JsonNode> condition) {
    return await().atMost(Duration.ofSeconds(20)).until(() -> {
      List<JsonNode> messages = WECOM.messagesTo(user);
      return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }, m -> m != null && condition.test(m));
  }
}
