package cn.dudao.bot.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.dudao.bot.BotApplication;
import cn.dudao.bot.plan.Member;
import cn.dudao.bot.plan.MemberRepository;
import cn.dudao.bot.testsupport.TestServices;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The answer writes check an inspection's status with a plain read and a flow start inserts its row
 * with a plain statement: an answer lands on a draft started in the same transaction, and a signed or
 * abandoned inspection refuses every later answer (谁督导、谁签字、谁负责), whatever the engine's state says.
 */
@SpringBootTest(classes = BotApplication.class)
class InspectionsIT {

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    TestServices.register(registry);
  }

  @Autowired
  Inspections inspections;
  @Autowired
  InspectionRepository repository;
  @Autowired
  AnswerRepository answers;
  @Autowired
  MemberRepository members;
  @Autowired
  TransactionTemplate transactions;

  @Test
  void answersLandOnADraftStartedInTheSameTransactionAndNeverOnASignedOrAbandonedOne() {
    Member inspector = members.findActiveByWecomUserId("lvliping").get(0);
    long signed = transactions.execute(tx -> {
      long id = inspections.start(inspector, "village-check", 1);
      inspections.recordAnswer(id, "safe_water", "safe_water", "ok", "达标", 1, inspector);
      return id;
    });
    Inspection stored = repository.findById(signed).orElseThrow();
    assertThat(stored.getStatus()).isEqualTo(Inspection.Status.DRAFT);
    assertThat(stored.getMemberId()).isEqualTo(inspector.getId());
    assertThat(stored.getPlanId()).isEqualTo(inspector.getPlanId());
    assertThat(stored.getStartedAt()).isNotNull();

    transactions.executeWithoutResult(tx -> inspections.confirm(signed, inspector));
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
        inspections.recordAnswer(signed, "safe_water", "safe_water", "no", "不达标", 1, inspector)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("CONFIRMED");
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
        inspections.clearAnswers(signed, List.of("safe_water"))))
        .isInstanceOf(IllegalStateException.class);

    long abandoned = transactions.execute(tx -> inspections.start(inspector, "village-check", 1));
    transactions.executeWithoutResult(tx -> inspections.abandon(abandoned));
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
        inspections.recordAnswer(abandoned, "safe_water", "safe_water", "ok", "达标", 1, inspector)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ABANDONED");

    assertThat(answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(signed)).singleElement()
        .satisfies(a -> assertThat(a.getDisplayText()).isEqualTo("达标"));
    assertThat(answers.findByInspectionIdOrderByIdAsc(abandoned)).isEmpty();
  }

  @Test
  void aNewAnswerOrAClearFlagsOnlyItsOwnKeysAsHistory() {
    Member inspector = members.findActiveByWecomUserId("lvliping").get(0);
    long id = transactions.execute(tx -> inspections.start(inspector, "village-check", 1));
    transactions.executeWithoutResult(tx -> {
      inspections.recordAnswer(id, "safe_water", "safe_water", "ok", "达标", 1, inspector);
      inspections.recordAnswer(id, "housing", "housing", "ok", "达标", 1, inspector);
    });
    transactions.executeWithoutResult(tx ->
        inspections.recordAnswer(id, "safe_water", "safe_water", "no", "不达标", 1, inspector));

    assertThat(answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(id))
        .extracting(Answer::getAnswerKey, Answer::getDisplayText)
        .containsExactly(tuple("housing", "达标"), tuple("safe_water", "不达标"));

    transactions.executeWithoutResult(tx -> inspections.clearAnswers(id, List.of("housing", "never_answered")));
    transactions.executeWithoutResult(tx -> inspections.clearAnswers(id, List.of()));

    assertThat(answers.findByInspectionIdAndCurrentTrueOrderByIdAsc(id))
        .extracting(Answer::getAnswerKey, Answer::getDisplayText).containsExactly(tuple("safe_water", "不达标"));
    assertThat(answers.findByInspectionIdOrderByIdAsc(id)).as("history kept").hasSize(3);
  }
}
