package cn.dudao.bot.problem;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a person is writing about a problem in chat: a unit contact's rectification report (photos
 * collect here until the text arrives) or a reviewer's rejection reason. One per WeCom user, kept in
 * the database and changed in the inbound message's transaction, apart from the inspection flow state.
 */
@Entity
@Table(name = "rectification_drafts")
class RectificationDraft {

  enum Purpose { REPORT, REJECTION }

  @Id
  private String wecomUserId;
  private Long problemId;
  @Enumerated(EnumType.STRING)
  private Purpose purpose;
  private String evidenceIds;
  private Instant startedAt;

  protected RectificationDraft() {
  }

  RectificationDraft(String wecomUserId, Long problemId, Purpose purpose, Instant startedAt) {
    this.wecomUserId = wecomUserId;
    this.problemId = problemId;
    this.purpose = purpose;
    this.evidenceIds = "";
    this.startedAt = startedAt;
  }

  void addEvidence(String id) {
    List<String> all = new ArrayList<>(evidence());
    all.add(id);
    evidenceIds = String.join(",", all);
  }

  List<String> evidence() {
    return evidenceIds.isEmpty() ? List.of() : Arrays.asList(evidenceIds.split(","));
  }

  String getWecomUserId() { return wecomUserId; }
  Long getProblemId() { return problemId; }
  Purpose getPurpose() { return purpose; }
}
