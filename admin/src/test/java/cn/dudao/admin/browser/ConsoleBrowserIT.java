package cn.dudao.admin.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.dudao.admin.AdminApplication;
import cn.dudao.admin.security.ConsoleUserRepository;
import cn.dudao.admin.testsupport.Browser;
import cn.dudao.admin.testsupport.Conversations;
import cn.dudao.admin.testsupport.SeededConsole;
import cn.dudao.bot.evidence.PhotoIntake;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.Inspection;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.VillageRepository;
import cn.dudao.bot.simulator.Transcripts;
import cn.dudao.bot.testsupport.TestServices;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium: log in, read the dashboard, filter the problem list, open a
 * problem, download the problem list (reopened with POI), and do a village check in the chat simulator.
 */
@SpringBootTest(classes = AdminApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "dudao.console.admin-password=" + SeededConsole.PASSWORD)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.evidence.media-root", () -> media().toString());
  }

  @LocalServerPort
  int port;
  @Autowired
  Inbox inbox;
  @Autowired
  InboxRepository inboxRecords;
  @Autowired
  InspectionRepository inspections;
  @Autowired
  Transcripts transcripts;
  @Autowired
  ConsoleUserRepository users;
  @Autowired
  MemberRepository members;
  @Autowired
  cn.dudao.bot.plan.ResponsibleUnitRepository units;
  @Autowired
  VillageRepository villages;
  @Autowired
  PasswordEncoder encoder;
  @Autowired
  PhotoIntake photoIntake;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;
  @TempDir
  static Path downloads;

  Browser browser;
  long shownBefore;

  @BeforeAll
  void seedAndOpen() {
    new SeededConsole().seed(new Conversations(inbox, inboxRecords, inspections, transcripts, photoIntake), users,
        members, units, encoder);
    browser = new Browser(downloads);
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  void logInAndReadTheDashboard() {
    browser.driver.get(url("/"));
    browser.until(d -> d.getCurrentUrl().endsWith("/login"));
    browser.driver.findElement(By.id("username")).sendKeys("admin");
    browser.driver.findElement(By.id("password")).sendKeys(SeededConsole.PASSWORD);
    browser.driver.findElement(By.id("loginButton")).click();
    browser.until(d -> d.findElements(By.id("planName")).size() == 1);
    assertThat(text("planName")).isEqualTo("右玉县巩固拓展脱贫攻坚成果有效衔接乡村振兴专项督导");
    assertThat(text("areasDone") + "/" + text("areasTotal")).isEqualTo("1/9");
    assertThat(text("villagesDone") + "/" + text("villagesTotal")).isEqualTo("2/18");
    assertThat(text("villagePercent")).isEqualTo("11%");
    assertThat(text("findingsTotal")).isEqualTo("4");
    assertThat(browser.driver.findElement(By.cssSelector("#teams tr[data-team='第一组'] .village")).getText())
        .isEqualTo("1 / 10（10%）");
    assertThat(browser.driver.findElement(By.cssSelector("#areas tr[data-area='右卫镇'] .area-check")).getText())
        .startsWith("已完成（吕利平");
    // The charts come from the application's own ECharts.
    browser.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.dudaoChartsReady === true")));
    assertThat(browser.driver.findElements(By.cssSelector("#categoryChart canvas"))).isNotEmpty();
    browser.screenshot("dashboard");
  }

  @Test
  @Order(2)
  void filterTheProblemListAndOpenAProblem() {
    browser.driver.findElement(By.id("nav-problems")).click();
    browser.until(d -> d.findElements(By.id("filters")).size() == 1);
    assertThat(text("total")).isEqualTo("4");
    new Select(browser.driver.findElement(By.id("filter-category"))).selectByVisibleText("自查项目");
    new Select(browser.driver.findElement(By.id("filter-team"))).selectByVisibleText("第一组");
    browser.driver.findElement(By.id("filterButton")).click();
    browser.until(d -> d.getCurrentUrl().contains("category="));
    assertThat(text("total")).isEqualTo("1");
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#problems tbody tr"));
    assertThat(rows).singleElement().satisfies(row -> {
      assertThat(row.findElement(By.cssSelector(".indicator")).getText()).isEqualTo("义务教育");
      assertThat(row.findElement(By.cssSelector(".place")).getText()).isEqualTo("右卫镇 右卫示例一村");
      assertThat(row.findElement(By.cssSelector(".description")).getText()).isEqualTo("义务教育：" + SeededConsole.EDUCATION_NOTE);
      assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("已交办");
      assertThat(row.findElement(By.cssSelector(".unit")).getText()).isEqualTo("县教育局");
    });
    rows.get(0).findElement(By.cssSelector("a.detail")).click();
    browser.until(d -> d.findElements(By.id("d-description")).size() == 1);
    assertThat(text("d-description")).isEqualTo(SeededConsole.EDUCATION_NOTE);
    assertThat(text("d-category")).isEqualTo("自查项目");
    assertThat(text("d-signoff")).startsWith("吕利平 于 ").endsWith("签字确认");
    assertThat(browser.driver.findElements(By.cssSelector("#history tbody tr"))).hasSize(2);
    browser.screenshot("problem");
  }

  @Test
  @Order(3)
  void downloadTheFilteredProblemList() throws Exception {
    browser.driver.get(url("/problems?category=政策落实"));
    assertThat(text("total")).isEqualTo("1");
    browser.driver.findElement(By.id("exportLink")).click();
    Path file = downloads.resolve("问题清单.xlsx");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
    try (InputStream in = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      XSSFSheet sheet = workbook.getSheet("问题清单");
      DataFormatter cells = new DataFormatter();
      assertThat(sheet.getLastRowNum()).isEqualTo(3);
      assertThat(cells.formatCellValue(sheet.getRow(3).getCell(3))).isEqualTo("饮水安全保障政策落实情况");
      assertThat(cells.formatCellValue(sheet.getRow(3).getCell(9))).endsWith("：" + SeededConsole.WATER_NOTE);
      assertThat(workbook.getAllPictures()).hasSize(1);
    }
  }

  @Test
  @Order(4)
  void doAVillageCheckInTheSimulator() {
    browser.driver.findElement(By.id("nav-simulator")).click();
    WebElement person = browser.until(d -> d.findElement(By.cssSelector("#people div[data-user='lvliping']")));
    assertThat(person.getText()).contains("吕利平");
    person.click();
    // 吕利平's earlier chats (the seed) are on screen too: only cards newer than these count.
    browser.until(d -> !d.findElements(By.cssSelector("#log .bubble")).isEmpty());
    shownBefore = ((Number) ((JavascriptExecutor) browser.driver).executeScript("return Math.max(0, ...[...document"
        + ".querySelectorAll('#log .bubble.bot')].map(b => Number(b.dataset.id.replace('out-', ''))))")).longValue();
    send("开始");
    awaitChat("请选择要核查的行政村");
    send("2");
    for (int item = 1; item <= 12; item++) {
      press("第 " + item + "/12 项", "达标");
    }
    press("签字", "确认");
    awaitChat("签字确认：右卫镇 右卫示例二村，签字人 吕利平");
    Inspection signed = inspections.findByStatusOrderByIdAsc(Inspection.Status.CONFIRMED).stream()
        .filter(i -> "village-check".equals(i.getFlowId()) && "右卫镇 右卫示例二村".equals(i.getSubject()))
        .findFirst().orElseThrow();
    assertThat(signed.getConfirmedBy()).isEqualTo("吕利平");
    assertThat(villages.findById(signed.getVillageId()).orElseThrow().getName()).isEqualTo("右卫示例二村");

    browser.driver.findElement(By.id("nav-dashboard")).click();
    browser.until(d -> d.findElements(By.id("villagesDone")).size() == 1);
    assertThat(text("villagesDone")).isEqualTo("3");
  }

  @Test
  @Order(5)
  void filterByColourAndCloseTheRedItemInBulk() {
    // The water problem is five days overdue: red.
    jdbc.update("UPDATE problems SET deadline = ? WHERE wording LIKE ?",
        java.sql.Date.valueOf(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(5)),
        "%" + SeededConsole.WATER_NOTE);
    browser.driver.get(url("/problems"));
    new Select(browser.driver.findElement(By.id("filter-colour"))).selectByVisibleText("红色");
    browser.driver.findElement(By.id("filterButton")).click();
    browser.until(d -> d.getCurrentUrl().contains("colour=RED"));
    assertThat(text("total")).isEqualTo("1");
    WebElement row = browser.driver.findElement(By.cssSelector("#problems tbody tr"));
    assertThat(row.findElement(By.cssSelector(".colour")).getText()).isEqualTo("红色");
    assertThat(row.findElement(By.cssSelector(".description")).getText()).endsWith(SeededConsole.WATER_NOTE);
    String number = row.findElement(By.cssSelector("td:nth-child(2)")).getText();

    row.findElement(By.cssSelector("input.pick")).click();
    new Select(browser.driver.findElement(By.id("bulk-action"))).selectByValue("close");
    browser.driver.findElement(By.id("bulk-reason")).sendKeys("供水设施已修复，县督导办核实");
    browser.driver.findElement(By.id("bulkButton")).click();
    browser.until(d -> d.findElements(By.id("bulkResult")).size() == 1);
    assertThat(text("bulkResult")).isEqualTo("已销号 1 项。");
    assertThat(browser.driver.findElement(By.id("bulkLines")).getText()).isEqualTo(number + " 已销号");
    assertThat(text("total")).isEqualTo("0"); // closed items have no colour
    browser.screenshot("problems-bulk");
  }

  private void awaitChat(String text) {
    try {
      browser.until(d -> d.findElement(By.id("log")).getText().contains(text));
    } catch (org.openqa.selenium.TimeoutException e) {
      String log = browser.driver.findElement(By.id("log")).getText();
      throw new AssertionError("the chat never showed '" + text + "'; it ends:\n"
          + log.substring(Math.max(0, log.length() - 1500)), e);
    }
  }

  private void send(String message) {
    WebElement input = browser.driver.findElement(By.id("text"));
    input.sendKeys(message);
    browser.driver.findElement(By.id("sendButton")).click();
  }

  /** Presses button {@code label} on the new card whose text contains {@code card}. */
  private void press(String card, String label) {
    String xpath = "//div[contains(@class,'card') and number(substring-after(@data-id, 'out-')) > " + shownBefore
        + "][contains(., '" + card + "')]//button[text()='" + label + "' and not(@disabled)]";
    try {
      browser.until(d -> {
        d.findElement(By.xpath(xpath)).click();
        return true;
      });
      browser.until(d -> d.findElements(By.xpath(xpath)).isEmpty());
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no card '" + card + "' with button " + label + "; the chat shows:\n"
          + browser.driver.findElement(By.id("log")).getText(), e);
    }
  }

  private String text(String id) {
    return browser.driver.findElement(By.id(id)).getText();
  }

  private static synchronized Path media() {
    try {
      return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "dudao-browser-it-media"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }
}
