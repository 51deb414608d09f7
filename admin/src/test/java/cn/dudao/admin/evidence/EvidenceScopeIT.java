package cn.dudao.admin.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.dudao.admin.AdminApplication;
import cn.dudao.admin.security.ConsoleUser;
import cn.dudao.admin.security.ConsoleUserRepository;
import cn.dudao.bot.evidence.EvidenceLedger;
import cn.dudao.bot.evidence.EvidenceStore;
import cn.dudao.bot.evidence.MediaFetches;
import cn.dudao.bot.evidence.StoredPhoto;
import cn.dudao.bot.inbox.InboundMessage;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.testsupport.TestPhotos;
import cn.dudao.bot.testsupport.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /evidence/{id}} is cut to the console user's scope: county office and viewers see every photo;
 * a team leader the photos of his team's problems; a unit contact the finding photos of problems
 * assigned to his unit and the rectification photos sent for them. Everyone else gets the 404 a missing
 * photo gets, for the photo and its thumbnail alike; anonymous users are sent to the login page. The
 * problem page flags a rectification photo that is the problem's own finding photo.
 */
@SpringBootTest(classes = AdminApplication.class, properties = "dudao.console.admin-password=correct-horse-battery")
@AutoConfigureMockMvc
class EvidenceScopeIT {

  private static final Path MEDIA = tempDir();
  private static final AtomicLong INBOUND = new AtomicLong(9_000_000);

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.evidence.media-root", MEDIA::toString);
  }

  @Autowired
  MockMvc mvc;
  @Autowired
  MediaFetches fetches;
  @Autowired
  EvidenceStore store;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  MemberRepository members;
  @Autowired
  ResponsibleUnitRepository units;
  @Autowired
  ConsoleUserRepository users;
  @Autowired
  EvidenceLedger ledger;
  @Autowired
  TransactionTemplate transactions;

  Member leader1;
  Member leader2;
  long education;
  long water;

  @BeforeEach
  void setUp() {
    leader1 = members.findActiveByWecomUserId("tanjinhua").get(0);
    leader2 = members.findActiveByWecomUserId("hanzhiqiang").get(0);
    assertThat(leader1.getTeamId()).isNotEqualTo(leader2.getTeamId());
    education = units.findByPlanIdAndName(leader1.getPlanId(), "县教育局").orElseThrow().getId();
    water = units.findByPlanIdAndName(leader1.getPlanId(), "县水利局").orElseThrow().getId();
    account("edu-contact", ConsoleUser.Role.UNIT_CONTACT, null, education);
    account("water-contact", ConsoleUser.Role.UNIT_CONTACT, null, water);
    account("leader-one", ConsoleUser.Role.TEAM_LEADER, leader1.getId(), null);
    account("leader-two", ConsoleUser.Role.TEAM_LEADER, leader2.getId(), null);
  }

  @Test
  void eachConsoleUserFetchesOnlyThePhotosHisScopeCovers() throws Exception {
    // 县教育局's problem, found by team one: a finding photo, and a rectification photo the unit sent.
    long eduFinding = photo("lvliping", 1);
    long eduProblem = problem(leader1, education, eduFinding);
    long eduRectification = photo("jyj-lly", 2);
    rectification(eduProblem, eduRectification);
    // 县水利局's problem, found by team two.
    long waterFinding = photo("wangcheng", 3);
    problem(leader2, water, waterFinding);
    // A photo that serves nothing yet.
    long stray = photo("lvliping", 4);

    for (long id : new long[] {eduFinding, eduRectification, waterFinding, stray}) {
      seen(id, user("viewer").roles("VIEWER"));
      seen(id, user("admin").roles("COUNTY_ADMIN"));
      mvc.perform(get("/evidence/" + id)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
      mvc.perform(get("/evidence/" + id + "/thumb")).andExpect(status().is3xxRedirection());
    }

    RequestPostProcessor eduContact = user("edu-contact").roles("UNIT_CONTACT");
    RequestPostProcessor waterContact = user("water-contact").roles("UNIT_CONTACT");
    seen(eduFinding, eduContact);
    seen(eduRectification, eduContact);
    hidden(waterFinding, eduContact);
    hidden(stray, eduContact);
    hidden(eduFinding, waterContact);
    hidden(eduRectification, waterContact);
    seen(waterFinding, waterContact);

    RequestPostProcessor leaderOne = user("leader-one").roles("TEAM_LEADER");
    RequestPostProcessor leaderTwo = user("leader-two").roles("TEAM_LEADER");
    seen(eduFinding, leaderOne);
    seen(eduRectification, leaderOne);
    hidden(waterFinding, leaderOne);
    hidden(eduFinding, leaderTwo);
    hidden(eduRectification, leaderTwo);
    seen(waterFinding, leaderTwo);
    hidden(stray, leaderOne);

    // An account whose link is gone is nobody.
    hidden(eduFinding, user("no-such-account").roles("UNIT_CONTACT"));
  }

  @Test
  void theProblemPageFlagsARectificationPhotoIdenticalToTheProblemsFindingPhoto() throws Exception {
    long finding = photo("lvliping", 11);
    long problem = problem(leader1, education, finding);
    long same = photo("jyj-lly", 11);
    long other = photo("jyj-lly", 12);
    long report = report(problem, same + "," + other);
    Integer flagged = transactions.execute(t -> ledger.linkRectification(problem, report, "jyj-lly",
        java.util.List.of(same, other), java.util.List.of(finding)));
    assertThat(flagged).isEqualTo(1);

    String page = mvc.perform(get("/problems/{id}", problem).with(user("admin").roles("COUNTY_ADMIN")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    String reports = page.substring(page.indexOf("id=\"reports\""), page.indexOf("id=\"trail\""));
    assertThat(reports).contains("/evidence/" + same + "/thumb").contains("/evidence/" + other + "/thumb");
    assertThat(reports.split("⚠ 整改照片与问题照片相同", -1)).as("one flagged photo").hasSize(2);
    assertThat(page.substring(0, page.indexOf("id=\"reports\""))).doesNotContain("整改照片与问题照片相同");
  }

  private void seen(long id, RequestPostProcessor who) throws Exception {
    mvc.perform(get("/evidence/" + id).with(who)).andExpect(status().isOk());
    mvc.perform(get("/evidence/" + id + "/thumb").with(who)).andExpect(status().isOk());
  }

  private void hidden(long id, RequestPostProcessor who) throws Exception {
    mvc.perform(get("/evidence/" + id).with(who)).andExpect(status().isNotFound());
    mvc.perform(get("/evidence/" + id + "/thumb").with(who)).andExpect(status().isNotFound());
  }

  /** A stored photo with its thumbnail, recorded as {@code uploader}'s evidence. */
  private long photo(String uploader, int seed) throws IOException {
    byte[] bytes = TestPhotos.jpeg(64, 48, 7000 + seed, null);
    String key = store.put(bytes);
    String thumb = store.put(TestPhotos.jpeg(32, 24, 7100 + seed, null));
    return fetches.settleStored(INBOUND.incrementAndGet(), uploader, InboundMessage.Channel.WECOM, Instant.now(),
        new StoredPhoto(key, "image/jpeg", bytes.length, 64, 48, thumb, null, null, null), 1);
  }

  private long problem(Member inspector, long unitId, long evidenceId) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update(c -> {
      var ps = c.prepareStatement("INSERT INTO problems (plan_id, indicator, wording, evidence_ids, member_id,"
          + " inspector_name, team_id, unit_id, status, deadline, created_at, updated_at)"
          + " VALUES (?, 'compulsory_education', '义务教育：测试问题', ?, ?, ?, ?, ?, 'RECTIFYING', ?, ?, ?)",
          java.sql.Statement.RETURN_GENERATED_KEYS);
      ps.setLong(1, inspector.getPlanId());
      ps.setString(2, "123456789," + evidenceId);
      ps.setLong(3, inspector.getId());
      ps.setString(4, inspector.getName());
      ps.setLong(5, inspector.getTeamId());
      ps.setLong(6, unitId);
      ps.setObject(7, LocalDate.now().plusDays(15));
      ps.setTimestamp(8, now);
      ps.setTimestamp(9, now);
      return ps;
    }, key);
    return key.getKey().longValue();
  }

  /** A unit report on {@code problemId} listing {@code evidenceIds}, not yet linked; its id. */
  private long report(long problemId, String evidenceIds) {
    jdbc.update("INSERT INTO problem_reports (problem_id, kind, body, evidence_ids, actor, created_at)"
        + " VALUES (?, 'REPORT', '已整改', ?, 'wecom:jyj-lly', ?)", problemId, evidenceIds, Timestamp.from(Instant.now()));
    return jdbc.queryForObject("SELECT MAX(id) FROM problem_reports WHERE problem_id = ?", Long.class, problemId);
  }

  private void rectification(long problemId, long evidenceId) {
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO problem_reports (problem_id, kind, body, evidence_ids, actor, created_at)"
        + " VALUES (?, 'REPORT', '已整改', ?, 'wecom:jyj-lly', ?)", problemId, Long.toString(evidenceId), now);
    Long reportId = jdbc.queryForObject("SELECT MAX(id) FROM problem_reports WHERE problem_id = ?", Long.class,
        problemId);
    jdbc.update("INSERT INTO evidence_links (evidence_id, kind, problem_id, report_id, linked_at)"
        + " VALUES (?, 'RECTIFICATION', ?, ?, ?)", evidenceId, problemId, reportId, now);
  }

  private void account(String username, ConsoleUser.Role role, Long memberId, Long unitId) {
    if (users.findByUsername(username).isEmpty()) {
      users.save(new ConsoleUser(username, "{noop}unused", username, role, memberId, unitId, Instant.now()));
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("dudao-evidence-scope-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
