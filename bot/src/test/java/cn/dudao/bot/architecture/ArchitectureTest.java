package cn.dudao.bot.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The boundaries GUIDE §4 draws: the flow engine is pure (no Spring, no I/O, no clock), it knows
 * nothing of the bot, and the bot's feature packages do not depend on each other in a circle.
 */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("cn.dudao");
  }

  @Test
  void theFlowEngineIsPure() {
    noClasses().that().resideInAPackage("cn.dudao.flows..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..",
            "java.net..", "java.nio.file..", "cn.dudao.bot..", "redis..", "me.chanjar..")
        .check(classes);
    noClasses().that().resideInAPackage("cn.dudao.flows..")
        .should().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(java.time.LocalDate.class, "now")
        .orShould().callMethod(java.time.LocalDateTime.class, "now")
        .check(classes);
  }

  @Test
  void botFeaturesHaveNoCycles() {
    slices().matching("cn.dudao.bot.(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theDomainDoesNotReachIntoTheWeComChannel() {
    noClasses().that().resideInAnyPackage("cn.dudao.bot.plan..", "cn.dudao.bot.inspection..",
            "cn.dudao.bot.conversation..", "cn.dudao.bot.inbox..", "cn.dudao.bot.outbox..", "cn.dudao.bot.evidence..")
        .should().dependOnClassesThat().resideInAnyPackage("cn.dudao.bot.wecom..", "me.chanjar..")
        .check(classes);
  }

  /**
   * The ack path is one database statement: the inbox (and the conversation step) never reach the shared
   * store, so Redis being slow or away never holds an acknowledgement (GUIDE §5, invariants 1 and 6).
   */
  @Test
  void theAckPathAndTheConversationStepDoNotUseTheSharedStore() {
    noClasses().that().resideInAnyPackage("cn.dudao.bot.inbox..", "cn.dudao.bot.conversation..")
        .should().dependOnClassesThat().resideInAnyPackage("cn.dudao.bot.store..", "redis..")
        .check(classes);
  }
}
