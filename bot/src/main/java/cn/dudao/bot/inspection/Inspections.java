package cn.dudao.bot.inspection;

import cn.dudao.bot.plan.Member;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records what inspectors answer, inside the conversation's transaction: starting an inspection,
 * each answer (keeping changed ones as history), and the final sign-off after which nothing changes.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class Inspections {

  private final InspectionRepository inspections;
  private final JdbcTemplate jdbc;
  private final FindingRepository findings;
  private final JsonMapper json;
  private final Clock clock;

  public Inspections(InspectionRepository inspections, JdbcTemplate jdbc, FindingRepository findings,
                     JsonMapper json, Clock clock) {
    this.inspections = inspections;
    this.jdbc = jdbc;
    this.findings = findings;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Starts a draft inspection and returns its id: one plain INSERT (an entity save per flow start was a
   * tenth of the step's cost). The row is written at once, so {@link #place} and the status check of
   * {@link #recordAnswer} find it in the same transaction.
   */
  public long start(Member inspector, String flowId, int flowRevision) {
    KeyHolder key = new GeneratedKeyHolder();
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    jdbc.update(connection -> {
      PreparedStatement insert = connection.prepareStatement("INSERT INTO inspections (plan_id, member_id, flow_id, "
          + "flow_revision, status, started_at) VALUES (?, ?, ?, ?, 'DRAFT', ?)", new String[] {"id"});
      insert.setLong(1, inspector.getPlanId());
      insert.setLong(2, inspector.getId());
      insert.setString(3, flowId);
      insert.setInt(4, flowRevision);
      insert.setObject(5, now);
      return insert;
    }, key);
    return key.getKey().longValue();
  }

  public void place(long inspectionId, Long areaId, Long villageId, Long householdId, String subject) {
    load(inspectionId).place(areaId, villageId, householdId, subject);
  }

  /** Records a finding of a confirmed inspection (the engine emits them after 签字确认). */
  public Finding recordFinding(long inspectionId, String nodeId, String key, Object value, String display,
                               java.util.Map<String, String> meta, String description, List<String> evidenceIds,
                               Member inspector) {
    Inspection inspection = load(inspectionId);
    String indicator = meta.getOrDefault("indicator", meta.getOrDefault("item", key));
    return findings.save(new Finding(inspection, nodeId, key, indicator, meta.get("category"), String.valueOf(value),
        display, description, evidenceIds, inspector.getName(), clock.instant()));
  }

  /**
   * Stores an answer and keeps the one it replaces as history: two plain statements in the caller's
   * transaction (this runs for nearly every message; through JPA it loaded the old rows to flip a flag).
   * Answers are never loaded as entities inside the conversation transaction, so nothing stale is
   * flushed over these rows.
   */
  public void recordAnswer(long inspectionId, String key, String nodeId, Object value, String display,
                           int revision, Member inspector) {
    supersedeInDraft(inspectionId, List.of(key));
    String shown = display == null ? "" : display;
    jdbc.update("INSERT INTO answers (inspection_id, answer_key, node_id, value_json, display_text, flow_revision, "
            + "is_current, answered_by, answered_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?)", inspectionId, key, nodeId,
        json.writeValueAsString(value), shown.length() > 1000 ? shown.substring(0, 1000) : shown, revision,
        inspector.getWecomUserId(), LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  public void clearAnswers(long inspectionId, Collection<String> keys) {
    supersedeInDraft(inspectionId, keys);
  }

  /**
   * Refuses to change a confirmed or abandoned inspection, and flags the current rows of these keys as
   * history. The status and those rows come from one plain read (this runs for every answer): only
   * {@link #confirm} and {@link #abandon} change the status, on the step's last event (Completed, Exited),
   * so no unflushed status change can precede an answer in the same transaction; {@link #start} inserts at
   * once (IDENTITY), so a new one is visible. The rows are then updated by primary key: an UPDATE by a
   * range that matches nothing takes a gap lock in InnoDB, and two conversations' gap locks at the end of
   * the index deadlock on their next INSERTs.
   */
  private void supersedeInDraft(long inspectionId, Collection<String> keys) {
    List<Object> args = new ArrayList<>(keys);
    args.add(inspectionId);
    String answers = keys.isEmpty() ? "FALSE" : "a.answer_key IN (" + marks(keys.size()) + ")";
    List<Map.Entry<String, Long>> rows = jdbc.query("SELECT i.status, a.id FROM inspections i LEFT JOIN answers a "
            + "ON a.inspection_id = i.id AND a.is_current = TRUE AND " + answers + " WHERE i.id = ?",
        (rs, n) -> new AbstractMap.SimpleImmutableEntry<>(rs.getString(1), rs.getObject(2, Long.class)), args.toArray());
    if (rows.isEmpty()) {
      throw new IllegalStateException("no inspection " + inspectionId);
    }
    String status = rows.get(0).getKey();
    if (!Inspection.Status.DRAFT.name().equals(status)) {
      throw new IllegalStateException("inspection " + inspectionId + " is " + status + " and can no longer change");
    }
    List<Long> current = rows.stream().map(Map.Entry::getValue).filter(Objects::nonNull).toList();
    if (!current.isEmpty()) {
      jdbc.update("UPDATE answers SET is_current = FALSE WHERE id IN (" + marks(current.size()) + ")",
          current.toArray());
    }
  }

  private static String marks(int n) {
    return String.join(", ", Collections.nCopies(n, "?"));
  }

  public void confirm(long inspectionId, Member inspector) {
    load(inspectionId).confirm(inspector.getName(), clock.instant());
  }

  public void abandon(long inspectionId) {
    load(inspectionId).abandon();
  }

  private Inspection load(long id) {
    return inspections.findById(id).orElseThrow(() -> new IllegalStateException("no inspection " + id));
  }
}
