package cn.dudao.bot.problem;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** What a unit reported about its rectification, or why a reviewer sent it back. */
@Entity
@Table(name = "problem_reports")
public class ProblemReport {

  /** A unit's rectification report or a reviewer's rejection reason. */
  public enum Kind { REPORT, REJECTION }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private Long problemId;
  @Enumerated(EnumType.STRING)
  private Kind kind;
  private String body;
  private String evidenceIds;
  private String actor;
  private String actorName;
  private Instant createdAt;

  protected ProblemReport() {
  }

  ProblemReport(Long problemId, Kind kind, String body, List<String> evidenceIds, String actor, String actorName,
                Instant createdAt) {
    this.problemId = problemId;
    this.kind = kind;
    this.body = Problem.clip(body);
    this.evidenceIds = String.join(",", evidenceIds);
    this.actor = actor;
    this.actorName = actorName;
    this.createdAt = createdAt;
  }

  public Long getId() { return id; }
  public Long getProblemId() { return problemId; }
  public Kind getKind() { return kind; }
  public String getBody() { return body; }
  public List<String> getEvidenceIds() {
    return evidenceIds.isEmpty() ? List.of() : Arrays.asList(evidenceIds.split(","));
  }
  public String getActor() { return actor; }
  public String getActorName() { return actorName; }
  public Instant getCreatedAt() { return createdAt; }
}
