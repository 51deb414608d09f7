package cn.dudao.bot.problem;

import cn.dudao.bot.audit.AuditEvent;
import cn.dudao.bot.audit.AuditLog;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.inspection.Answer;
import cn.dudao.bot.inspection.AnswerRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.outbox.OutgoingMessage;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Complaints (受理举报, flow {@code complaint}) become problems once verified: after the complaint is
 * signed, its recorder gets a card 属实 / 不属实 (keys {@code c:<inspectionId>:yes|no}); 属实 makes a
 * problem from the complaint's answers exactly as a finding does.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class ComplaintProblems {

  public static final String FLOW_ID = "complaint";
  static final String PREFIX = "c:";
  /** Complaint topics that map onto an indicator with a usual department. */
  static final Map<String, String> TOPIC_INDICATOR = Map.of("water", "drinking_water");

  private final InspectionRepository inspections;
  private final AnswerRepository answers;
  private final ProblemIntake intake;
  private final ProblemRepository problems;
  private final AuditLog audit;
  private final MemberRepository members;
  private final JsonMapper json;

  ComplaintProblems(InspectionRepository inspections, AnswerRepository answers, ProblemIntake intake,
                    ProblemRepository problems, AuditLog audit, MemberRepository members, JsonMapper json) {
    this.inspections = inspections;
    this.answers = answers;
    this.intake = intake;
    this.problems = problems;
    this.audit = audit;
    this.members = members;
    this.json = json;
  }

  /** After a complaint is signed: the card that asks its recorder whether the complaint was verified. */
  public OutgoingMessage verificationCard(long inspectionId) {
    Map<String, Answer> a = current(inspectionId);
    String text = "【举报核查】举报编号 " + inspectionId + "\n类别：" + display(a, "topic") + "\n地点："
        + display(a, "area") + " " + display(a, "place") + "\n内容：" + display(a, "content")
        + "\n核查后请点击“属实”（转为问题交办责任单位）或“不属实”。";
    return OutgoingMessage.buttonCard(text,
        "举报核查（" + inspectionId + "号）", display(a, "topic"), shorten(display(a, "content")),
        List.of(new OutgoingMessage.Button(PREFIX + inspectionId + ":yes", "属实"),
            new OutgoingMessage.Button(PREFIX + inspectionId + ":no", "不属实")),
        "dc" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** True when {@code key} is a complaint verification key. */
  static boolean isKey(String key) {
    return key != null && key.startsWith(PREFIX);
  }

  /** Applies a press on the verification card; returns the replies to the sender. */
  List<OutgoingMessage> press(String key, Actor actor, InboundMessage.Channel channel) {
    String[] parts = key.split(":", 3);
    Optional<Inspection> complaint = parts.length != 3 ? Optional.empty()
        : parseLong(parts[1]).flatMap(inspections::findById)
            .filter(i -> FLOW_ID.equals(i.getFlowId()) && i.getStatus() == Inspection.Status.CONFIRMED);
    if (complaint.isEmpty() || !mayVerify(actor, complaint.get())) {
      audit.denied(actor.id(), "complaint verify", "inspection:" + (parts.length > 1 ? parts[1] : "?"),
          "不是该举报的登记人、其组长或县督导办");
      return List.of(OutgoingMessage.text(ProblemChat.REFUSED));
    }
    Inspection c = complaint.get();
    String target = "inspection:" + c.getId() + "@plan:" + c.getPlanId();
    if (!problems.findByInspectionIdAndFindingIdIsNull(c.getId()).isEmpty()) {
      return List.of(OutgoingMessage.text("该举报已转为问题，无需重复操作。"));
    }
    if (!"yes".equals(parts[2])) {
      audit.record(actor.id(), "complaint not verified", target, AuditEvent.Outcome.APPLIED, "核查不属实");
      return List.of(OutgoingMessage.text("已记录：举报 " + c.getId() + " 核查不属实。"));
    }
    Map<String, Answer> a = current(c.getId());
    String topic = value(a, "topic");
    String indicator = TOPIC_INDICATOR.getOrDefault(topic, "complaint_" + topic);
    String wording = "受理举报（" + display(a, "topic") + "）：" + display(a, "content");
    String subject = c.getSubject() != null ? c.getSubject() : (display(a, "area") + " " + display(a, "place")).strip();
    Problem p = intake.open(c.getPlanId(), null, c.getId(), indicator, "受理举报", wording, c.getAreaId(),
        c.getVillageId(), c.getHouseholdId(), subject, photos(a), c.getMemberId(), c.getConfirmedBy(), channel);
    audit.record(actor.id(), "complaint verified", target, AuditEvent.Outcome.APPLIED, "转为问题 " + p.getId());
    return List.of(OutgoingMessage.text("已核实举报 " + c.getId() + "，转为问题 " + p.getId() + "，已交办责任单位。"));
  }

  /** The recorder, a leader of his team, or the county office, in the complaint's plan. */
  private boolean mayVerify(Actor actor, Inspection c) {
    if (actor.planId() != null && !actor.planId().equals(c.getPlanId())) {
      return false;
    }
    Long recorderTeam = members.findById(c.getMemberId()).map(Member::getTeamId).orElse(null);
    return actor.role() == Actor.Role.COUNTY_OFFICE
        || (actor.memberId() != null && actor.memberId().equals(c.getMemberId()))
        || (actor.leads() && actor.teamId() != null && actor.teamId().equals(recorderTeam));
  }

  private Map<String, Answer> current(long inspectionId) {
    return answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(inspectionId).stream()
        .collect(Collectors.toMap(Answer::getAnswerKey, x -> x, (x, y) -> y));
  }

  private static String display(Map<String, Answer> a, String key) {
    Answer answer = a.get(key);
    return answer == null ? "" : answer.getDisplayText();
  }

  private String value(Map<String, Answer> a, String key) {
    Answer answer = a.get(key);
    return answer == null ? "" : json.readTree(answer.getValueJson()).asString();
  }

  private List<String> photos(Map<String, Answer> a) {
    Answer answer = a.get("photos");
    List<String> ids = new ArrayList<>();
    if (answer != null) {
      JsonNode node = json.readTree(answer.getValueJson());
      if (node.isArray()) {
        node.forEach(n -> ids.add(n.asString()));
      }
    }
    return ids;
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String shorten(String s) {
    return s.length() <= 112 ? s : s.substring(0, 111) + "…";
  }
}
