-- Issue 8: the audit trail the console's audit page reads (console logins, logouts, exports, report
-- edits). Issue 4 creates the same table with the same columns; whichever migration runs first makes it.
CREATE TABLE IF NOT EXISTS audit_events (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  occurred_at  TIMESTAMP(3)   NOT NULL,
  actor        VARCHAR(128)   NOT NULL,
  action       VARCHAR(64)    NOT NULL,
  target       VARCHAR(200)   NOT NULL,
  outcome      VARCHAR(16)    NOT NULL,
  detail       VARCHAR(1000)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
