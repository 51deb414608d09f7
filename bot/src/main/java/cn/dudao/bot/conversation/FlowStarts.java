package cn.dudao.bot.conversation;

import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.Plan;
import cn.dudao.bot.plan.PlanRepository;
import cn.dudao.bot.plan.Roster;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Which flow a message starts (its words typed, or a menu / card key equal to the flow id), and the
 * context each flow is started with: the inspector's villages, areas and assigned households, and the
 * plan's monitoring line. An inspector only ever sees his own team's places.
 */
@Component
class FlowStarts {

  /** Start words in the order the menu lists them; 开始 alone starts the village check (issue 2). */
  static final Map<String, String> WORDS = new LinkedHashMap<>();

  static {
    WORDS.put("村级核查", FlowCatalog.VILLAGE_CHECK);
    WORDS.put("村级全面核查", "village-verification");
    WORDS.put("乡镇督导", "area-check");
    WORDS.put("入户走访", "household-visit");
    WORDS.put("干部访谈", "cadre-interview");
    WORDS.put("查阅资料", "document-review");
    WORDS.put("项目核查", "project-check");
    WORDS.put("受理举报", "complaint");
    WORDS.put("典型经验", "good-practice");
  }

  private final FlowCatalog catalog;
  private final Roster roster;
  private final PlanRepository plans;
  private final AssignedHouseholds households;
  private final String startFlow;

  FlowStarts(FlowCatalog catalog, Roster roster, PlanRepository plans, AssignedHouseholds households,
             ConversationProperties properties) {
    this.catalog = catalog;
    this.roster = roster;
    this.plans = plans;
    this.households = households;
    this.startFlow = properties.startFlow();
  }

  /** The flow a message asks to start, if any. */
  Optional<String> requested(InboundMessage message) {
    String said = message.text() == null ? "" : message.text().strip();
    String flowId = switch (message.kind()) {
      case TEXT -> said.equals("开始") || said.equals("开始核查") || said.equals("开始督导")
          ? startFlow : WORDS.get(said);
      case MENU_CLICK, CARD_EVENT -> said.equals("start") ? startFlow
          : WORDS.containsValue(said) ? said : null;
      default -> null;
    };
    return Optional.ofNullable(flowId).filter(id -> catalog.find(id).isPresent());
  }

  /** The menu of what an inspector can start, for 帮助 and unknown input outside a flow. */
  String menu() {
    return WORDS.entrySet().stream()
        .filter(e -> catalog.find(e.getValue()).isPresent())
        .map(e -> "· " + e.getKey() + "：" + catalog.get(e.getValue()).title())
        .collect(Collectors.joining("\n", "请回复以下任一项开始（“开始”即村级核查）：\n", ""));
  }

  /** The context a flow needs for this member; empty lists where the plan has no data yet. */
  Map<String, Object> context(Member member) {
    List<Roster.VillageChoice> villages = roster.villagesFor(member);
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("villages", villages.stream()
        .map(v -> Map.of("key", Long.toString(v.villageId()), "label", v.label())).toList());
    context.put("areas", roster.areaChoicesFor(member).stream()
        .map(a -> Map.of("key", Long.toString(a.areaId()), "label", a.name())).toList());
    context.put("households", households.forMember(member));
    context.put("projects", List.of());
    Plan plan = plans.findById(member.getPlanId()).orElseThrow();
    if (plan.getMonitoringLine() != null) {
      context.put("monitoring_line", plan.getMonitoringLine());
    }
    return context;
  }
}
