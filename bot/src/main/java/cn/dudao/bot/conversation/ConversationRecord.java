package cn.dudao.bot.conversation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person's conversation with Dudao: the state of the flow he is in, kept in the database in the same
 * transaction as his answers, so the two never disagree. Its row lock serialises his messages.
 */
@Entity
@Table(name = "conversations")
public class ConversationRecord {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  private String userId;
  private Long memberId;
  private Long inspectionId;
  private String flowId;
  private String stateJson;
  @Version
  private long version;
  private Instant updatedAt;

  protected ConversationRecord() {
  }

  void update(Long memberId, Long inspectionId, String flowId, String stateJson, Instant at) {
    this.memberId = memberId;
    this.inspectionId = inspectionId;
    this.flowId = flowId;
    this.stateJson = stateJson;
    this.updatedAt = at;
  }

  public Long getId() { return id; }
  public String getUserId() { return userId; }
  public Long getMemberId() { return memberId; }
  public Long getInspectionId() { return inspectionId; }
  public String getFlowId() { return flowId; }
  public String getStateJson() { return stateJson; }
  public long getVersion() { return version; }
  public Instant getUpdatedAt() { return updatedAt; }
}
