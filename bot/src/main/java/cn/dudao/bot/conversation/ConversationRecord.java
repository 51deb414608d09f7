package cn.dudao.bot.conversation;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
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

  @Transient
  private boolean changed;

  protected ConversationRecord() {
  }

  /** A row read with plain SQL under its lock by {@link ConversationRows}; not managed by JPA. */
  static ConversationRecord locked(long id, String userId, Long memberId, Long inspectionId, String flowId,
                                   String stateJson, long version, Instant updatedAt) {
    ConversationRecord c = new ConversationRecord();
    c.id = id;
    c.userId = userId;
    c.memberId = memberId;
    c.inspectionId = inspectionId;
    c.flowId = flowId;
    c.stateJson = stateJson;
    c.version = version;
    c.updatedAt = updatedAt;
    return c;
  }

  /** True when {@link #update} ran since the row was read. */
  boolean changed() {
    return changed;
  }

  /** The row was written at the next version. */
  void written() {
    this.version++;
    this.changed = false;
  }

  void update(Long memberId, Long inspectionId, String flowId, String stateJson, Instant at) {
    this.changed = true;
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
