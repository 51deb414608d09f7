package cn.dudao.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.Answer;
import cn.dudao.bot.inspection.AnswerRepository;
import cn.dudao.bot.inspection.Finding;
import cn.dudao.bot.inspection.FindingRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.outbox.Outbox;
import cn.dudao.bot.outbox.OutboxRepository;
import cn.dudao.bot.plan.AreaRepository;
import cn.dudao.bot.evidence.PhotoIntake;
import cn.dudao.bot.testsupport.ChatDriver;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 3 through the bot as the simulator drives it: a full 26-indicator area check and a full
 * household visit, start to finish, with the answers, findings and sign-off they leave behind.
 */
@SpringBootTest(classes = BotApplication.class)
class CatalogueFlowsIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  Inbox inbox;
  @Autowired
  InboxRepository inboxRecords;
  @Autowired
  OutboxRepository outboxRecords;
  @Autowired
  Outbox outbox;
  @Autowired
  InspectionRepository inspections;
  @Autowired
  AnswerRepository answers;
  @Autowired
  FindingRepository findings;
  @Autowired
  AreaRepository areas;
  @Autowired
  PhotoIntake photos;

  ChatDriver chat;

  @BeforeEach
  void setUp() {
    chat = new ChatDriver(inbox, inboxRecords, outboxRecords, outbox);
  }

  @Test
  void anInspectorChecksAllTwentySixIndicatorsOfHisTownship() {
    String user = "daiyong";
    chat.say(user, "乡镇督导");
    assertThat(chat.last(user)).contains("请选择要督导的乡镇").contains("右卫镇").doesNotContain("新城镇");
    chat.say(user, "1");
    assertThat(chat.last(user)).contains("第 1/26 项").contains("健全巩固拓展脱贫攻坚成果有效衔接乡村振兴的领导体系");
    chat.say(user, "不达标");
    assertThat(chat.last(user)).contains("不达标的具体情况");
    chat.say(user, "乡镇未成立巩固拓展领导小组");
    assertThat(chat.last(user)).contains("照片");
    chat.say(user, "跳过");
    for (int i = 2; i <= 26; i++) {
      assertThat(chat.last(user)).contains("第 " + i + "/26 项");
      chat.say(user, i == 5 ? "基本达标" : "达标");
    }
    assertThat(String.join("\n", chat.transcript(user))).contains("签字");
    chat.say(user, "确认");
    assertThat(chat.last(user)).contains("已签字确认").contains("代勇");

    Inspection signed = confirmed("area-check");
    assertThat(areas.findById(signed.getAreaId()).orElseThrow().getName()).isEqualTo("右卫镇");
    Map<String, String> current = current(signed);
    assertThat(current).containsEntry("main_responsibility", "不达标").containsEntry("main_responsibility_note",
        "乡镇未成立巩固拓展领导小组");
    assertThat(current.values()).filteredOn(v -> v.equals("达标")).hasSize(24);
    assertThat(current.values()).filteredOn(v -> v.equals("基本达标")).hasSize(1);
    List<Finding> found = findings.findByInspectionIdOrderByIdAsc(signed.getId());
    assertThat(found).singleElement().satisfies(f -> {
      assertThat(f.getIndicator()).isEqualTo("main_responsibility");
      assertThat(f.getCategory()).isEqualTo("责任落实");
      assertThat(f.getDescription()).isEqualTo("乡镇未成立巩固拓展领导小组");
      assertThat(f.getAreaId()).isEqualTo(signed.getAreaId());
    });
  }

  @Test
  void anInspectorVisitsAHouseholdAndItsLowIncomeBecomesAFinding() throws Exception {
    String user = "hanzhiqiang";
    String[][] script = {
        {"入户走访", "请选择走访的农户"},
        {"1", "请输入户主姓名"},
        {"张三", "请输入所在村和组"},
        {"新城示例一村三组", "该户属于哪一类"},
        {"3", "不愁吃、不愁穿"},
        {"是", "失学辍学"},
        {"1", "基本医疗保险"},
        {"是", "住房是否安全"},
        {"是", "饮水是否安全"},
        {"是", "家庭共有几口人"},
        {"5", "家庭纯收入"},
        {"2万", "返贫致贫风险"},
        {"1", "几级预警"},
        {"2", "纳入防止返贫动态监测"},
        {"否", "未纳入监测"},
        {"尚未纳入监测，帮扶未落实", "享受了哪些帮扶措施"},
        {"无", "是否满意"},
        {"1", "住房照片"},
    };
    for (String[] step : script) {
      chat.say(user, step[0]);
      assertThat(String.join("\n", chat.transcript(user))).as("after %s", step[0]).contains(step[1]);
    }
    assertThat(String.join("\n", chat.transcript(user))).contains("人均纯收入 4000");
    // A simulator photo is stored on upload; its message carries the store key.
    chat.sendImage(user, photos.ingest(TestPhotos.jpeg(64, 48, 1, null)).sha256());
    chat.sendImage(user, photos.ingest(TestPhotos.jpeg(64, 48, 2, null)).sha256());
    chat.say(user, "完成");
    assertThat(chat.last(user)).contains("饮水设施照片");
    chat.say(user, "跳过");
    assertThat(chat.last(user)).contains("当前位置");
    chat.sendLocation(user, 40.18, 112.47, "新城示例一村");
    assertThat(String.join("\n", chat.transcript(user))).contains("走访结果汇总");
    chat.say(user, "确认");
    assertThat(chat.last(user)).contains("已签字确认").contains("韩志强");

    Inspection signed = confirmed("household-visit");
    Map<String, String> current = current(signed);
    assertThat(current).containsEntry("new_household_name", "张三").containsKey("house_photos")
        .containsKey("visit_location");
    assertThat(findings.findByInspectionIdOrderByIdAsc(signed.getId())).extracting(Finding::getAnswerKey)
        .containsExactlyInAnyOrder("below_monitoring_line", "monitored");
  }

  private Inspection confirmed(String flowId) {
    return inspections.findByStatusOrderByIdAsc(Inspection.Status.CONFIRMED).stream()
        .filter(i -> i.getFlowId().equals(flowId)).findFirst().orElseThrow();
  }

  private Map<String, String> current(Inspection inspection) {
    return answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(inspection.getId()).stream()
        .collect(Collectors.toMap(Answer::getAnswerKey, Answer::getDisplayText));
  }
}
