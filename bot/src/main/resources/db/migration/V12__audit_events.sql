-- Issue 4: who did or tried what, when, and how it ended. Every refusal lands here; so do imports,
-- plan changes and contact syncs. The console's audit page reads this table.

CREATE TABLE audit_events (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at  TIMESTAMP(3)   NOT NULL,
  actor        VARCHAR(128)   NOT NULL,
  action       VARCHAR(64)    NOT NULL,
  target       VARCHAR(200)   NOT NULL,
  outcome      VARCHAR(16)    NOT NULL,
  detail       VARCHAR(1000)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_audit_occurred ON audit_events (occurred_at);
CREATE INDEX ix_audit_actor ON audit_events (actor, occurred_at);
