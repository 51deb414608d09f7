package cn.dudao.admin.testsupport;

import cn.dudao.admin.AdminApplication;
import cn.dudao.admin.security.ConsoleUserRepository;
import cn.dudao.bot.evidence.PhotoIntake;
import cn.dudao.bot.inbox.Inbox;
import cn.dudao.bot.inbox.InboxRepository;
import cn.dudao.bot.inspection.InspectionRepository;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.plan.ResponsibleUnitRepository;
import cn.dudao.bot.simulator.Transcripts;
import cn.dudao.bot.testsupport.TestServices;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the console's MockMvc tests: one application context (one database) for all of them, seeded
 * once through chats with {@link SeededConsole}'s data, photos kept in an evidence store of its own.
 */
@SpringBootTest(classes = AdminApplication.class, properties = "dudao.console.admin-password=" + SeededConsole.PASSWORD)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SeededConsoleIT {

  private static final Map<ApplicationContext, SeededConsole> SEEDED = new ConcurrentHashMap<>();
  private static final java.nio.file.Path MEDIA = mediaRoot();

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
    registry.add("dudao.evidence.media-root", () -> MEDIA.toString());
  }

  @Autowired
  protected ApplicationContext context;
  @Autowired
  protected Inbox inbox;
  @Autowired
  protected InboxRepository inboxRecords;
  @Autowired
  protected InspectionRepository inspections;
  @Autowired
  protected Transcripts transcripts;
  @Autowired
  protected ConsoleUserRepository users;
  @Autowired
  protected MemberRepository members;
  @Autowired
  protected ResponsibleUnitRepository units;
  @Autowired
  protected PasswordEncoder encoder;
  @Autowired
  protected PhotoIntake photoIntake;

  protected SeededConsole seeded;

  @BeforeAll
  void seedOnce() {
    seeded = SEEDED.computeIfAbsent(context, c -> new SeededConsole()
        .seed(new Conversations(inbox, inboxRecords, inspections, transcripts, photoIntake), users, members, units,
            encoder));
  }

  static java.nio.file.Path mediaRoot() {
    try {
      return java.nio.file.Files.createTempDirectory("dudao-console-it-media");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
