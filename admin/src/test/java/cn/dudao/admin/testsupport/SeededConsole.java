package cn.dudao.admin.testsupport;

import cn.dudao.admin.security.ConsoleUser;
import cn.dudao.admin.security.ConsoleUserRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The data the console tests share, made through chats: in team 1, 吕利平's village check of 右卫示例一村
 * (义务教育 not met) and area check of 右卫镇 (two indicators not met, three photos, one 基本达标), and
 * 代勇's good practice in 元堡子镇 with a photo; in team 2, 王成's village check of 新城示例一村 (安全饮水
 * first 达标, changed to not met). Plus console accounts: viewer, leader1 (谭金花), leader2 (韩志强), unit1 (县水利局's contact).
 */
public final class SeededConsole {

  public static final String WATER_BUREAU = "县水利局";
  public static final String PASSWORD = "correct-horse-battery";
  public static final String EDUCATION_NOTE = "有一名适龄儿童因病休学，未落实送教上门";
  public static final String MONITORING_NOTE = "监测对象识别不及时，两户未纳入监测";
  public static final String WATER_NOTE = "一处供水设施冻损未修复";
  public static final String TEAM2_NOTE = "两户饮水水压不足";
  public static final String PRACTICE_TITLE = "“订单农业”带动脱贫户稳定增收";
  public static final String PRACTICE = "村集体与企业签订收购订单，脱贫户按订单种植，企业保底收购。";
  public static final String EFFECT = "带动脱贫户126户，户均增收3200元。";

  public Inspection villageCheck;
  public Inspection areaCheck;
  public Inspection goodPractice;
  public Inspection team2VillageCheck;

  public SeededConsole seed(Conversations chats, ConsoleUserRepository users, MemberRepository members,
                            ResponsibleUnitRepository units, PasswordEncoder encoder) {
    villageCheck = chats.villageCheck("lvliping", 1, Map.of(2, EDUCATION_NOTE));
    areaCheck = chats.areaCheck("lvliping", 1, Map.of(2, new Conversations.NotMet(MONITORING_NOTE, 2),
        19, new Conversations.NotMet(WATER_NOTE, 1)), List.of(5));
    goodPractice = chats.goodPractice("daiyong", 2, PRACTICE_TITLE, PRACTICE, EFFECT, 1);
    team2VillageCheck = chats.villageCheck("wangcheng", 1, Map.of(1, TEAM2_NOTE), java.util.Set.of(1));
    String hash = encoder.encode(PASSWORD);
    users.save(new ConsoleUser("viewer", hash, "只读", ConsoleUser.Role.VIEWER, null, null, Instant.now()));
    users.save(new ConsoleUser("leader1", hash, "谭金花", ConsoleUser.Role.TEAM_LEADER,
        members.findActiveByWecomUserId("tanjinhua").get(0).getId(), null, Instant.now()));
    users.save(new ConsoleUser("leader2", hash, "韩志强", ConsoleUser.Role.TEAM_LEADER,
        members.findActiveByWecomUserId("hanzhiqiang").get(0).getId(), null, Instant.now()));
    users.save(new ConsoleUser("unit1", hash, "县水利局联系人", ConsoleUser.Role.UNIT_CONTACT, null,
        unitId(units, WATER_BUREAU), Instant.now()));
    return this;
  }

  /** The id of the seeded plan's unit named {@code name}. */
  public long unitId(ResponsibleUnitRepository units, String name) {
    return units.findByPlanIdAndName(villageCheck.getPlanId(), name).orElseThrow().getId();
  }
}
