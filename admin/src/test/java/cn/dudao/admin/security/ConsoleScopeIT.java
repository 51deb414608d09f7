package cn.dudao.admin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.testsupport.SeededConsole;
import cn.dudao.admin.testsupport.SeededConsoleIT;
import cn.dudao.bot.plan.Access;
import cn.dudao.bot.plan.Actor;
import cn.dudao.bot.plan.Actors;
import cn.dudao.bot.plan.Target;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The console's problem scope and the bot's authorization agree for every kind of console account:
 * the problems the console lists are exactly those {@link Access} lets the account's {@link Actor} see.
 */
class ConsoleScopeIT extends SeededConsoleIT {

  private static final Pattern TOTAL = Pattern.compile("id=\"total\">(\\d+)<");
  private static final Pattern ROW_ID = Pattern.compile("<tr data-id=\"(\\d+)\"");

  @Autowired
  MockMvc mvc;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Actors actors;
  @Autowired
  Access access;

  @Test
  void aUnitContactOfTheCountyOfficesOwnUnitActsAsTheCountyOfficeInTheBotAndInTheConsole() throws Exception {
    long office = seeded.unitId(units, "县乡村振兴局");
    account("office-contact", ConsoleUser.Role.UNIT_CONTACT, null, office);

    Actor actor = actors.forConsole("office-contact", List.of(Actors.UNIT_CONTACT), null, office);
    assertThat(actor.role()).isEqualTo(Actor.Role.COUNTY_OFFICE);
    List<Long> seen = ids(user("office-contact").roles("UNIT_CONTACT"));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(allowed(actor)).containsExactlyInAnyOrderElementsOf(all());
  }

  @Test
  void aTeamLeaderAccountLinkedToAUnitSeesHisTeamsProblemsAndHisUnitsInBothPlaces() throws Exception {
    long leader = members.findActiveByWecomUserId("tanjinhua").get(0).getId();
    long team = members.findById(leader).orElseThrow().getTeamId();
    long water = seeded.unitId(units, SeededConsole.WATER_BUREAU);
    account("leader-and-water", ConsoleUser.Role.TEAM_LEADER, leader, water);

    Actor actor = actors.forConsole("leader-and-water", List.of(Actors.TEAM_LEADER), leader, water);
    assertThat(actor.role()).isEqualTo(Actor.Role.TEAM_LEADER);
    assertThat(actor.unitIds()).contains(water);
    List<Long> seen = ids(user("leader-and-water").roles("TEAM_LEADER"));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(allowed(actor))
        .containsAll(where("team_id = ?", team)).containsAll(where("unit_id = ?", water));
    // Both capacities count: a water problem found by another team is visible, nothing else of other teams.
    assertThat(where("unit_id = ? AND team_id <> ?", water, team)).isNotEmpty();
    assertThat(seen).containsExactlyInAnyOrderElementsOf(where("(team_id = ? OR unit_id = ?)", team, water));
    assertThat(ids(user("leader1").roles("TEAM_LEADER")))
        .containsExactlyInAnyOrderElementsOf(where("team_id = ?", team));
  }

  @Test
  void aDepartmentContactSeesInTheConsoleWhatTheBotLetsHimSee() throws Exception {
    long water = seeded.unitId(units, SeededConsole.WATER_BUREAU);
    Actor actor = actors.forConsole("unit1", List.of(Actors.UNIT_CONTACT), null, water);
    assertThat(actor.role()).isEqualTo(Actor.Role.UNIT_CONTACT);
    assertThat(ids(user("unit1").roles("UNIT_CONTACT"))).isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(allowed(actor))
        .containsExactlyInAnyOrderElementsOf(where("unit_id = ?", water));
  }

  private void account(String username, ConsoleUser.Role role, Long memberId, Long unitId) {
    if (users.findByUsername(username).isEmpty()) {
      users.save(new ConsoleUser(username, "{noop}unused", username, role, memberId, unitId, Instant.now()));
    }
  }

  /** The plan's listed problems the bot's authorization lets {@code actor} see. */
  private List<Long> allowed(Actor actor) {
    long plan = seeded.villageCheck.getPlanId();
    return problems().stream().filter(p -> access.decide(actor, Access.Action.VIEW, Target.problem(plan,
            ((Number) p.get("id")).longValue(), number(p.get("team_id")), number(p.get("unit_id")),
            number(p.get("member_id")))).allowed())
        .map(p -> ((Number) p.get("id")).longValue()).toList();
  }

  private List<Long> all() {
    return problems().stream().map(p -> ((Number) p.get("id")).longValue()).toList();
  }

  private List<Map<String, Object>> problems() {
    return jdbc.queryForList("SELECT id, team_id, unit_id, member_id FROM problems WHERE plan_id = ?"
        + " AND merged_into_id IS NULL", seeded.villageCheck.getPlanId());
  }

  private List<Long> where(String condition, Object... parameters) {
    Object[] all = new Object[parameters.length + 1];
    all[0] = seeded.villageCheck.getPlanId();
    System.arraycopy(parameters, 0, all, 1, parameters.length);
    return jdbc.queryForList("SELECT id FROM problems WHERE plan_id = ? AND merged_into_id IS NULL AND " + condition,
        Long.class, all);
  }

  private static Long number(Object value) {
    return value == null ? null : ((Number) value).longValue();
  }

  private List<Long> ids(RequestPostProcessor who) throws Exception {
    String page = mvc.perform(get("/problems").with(who)).andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    Matcher total = TOTAL.matcher(page);
    assertThat(total.find()).isTrue();
    List<Long> ids = ROW_ID.matcher(page).results().map(r -> Long.parseLong(r.group(1))).toList();
    assertThat(ids).hasSize(Integer.parseInt(total.group(1)));
    return ids;
  }
}
