-- Issue 7: reminders with rules per plan, each planned reminder recorded once (rule x recipient x day),
-- and outbox messages folded into a digest keep the id of the message that carried them.

ALTER TABLE outbox_messages ADD COLUMN merged_into BIGINT;

-- One row per plan and rule kind: when the rule runs. Missing rows get the rule's defaults, derived from
-- the plan's dates (the field period, the report due date).
CREATE TABLE reminder_rules (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id         BIGINT        NOT NULL,
  rule_kind       VARCHAR(32)   NOT NULL,
  enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
  first_day       DATE          NOT NULL,
  last_day        DATE          NOT NULL,
  send_time       TIME          NOT NULL,
  spread_minutes  INT           NOT NULL DEFAULT 0,
  CONSTRAINT uk_reminder_rules_plan_kind UNIQUE (plan_id, rule_kind),
  CONSTRAINT fk_reminder_rules_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A planned reminder. The unique key is the promise that each is sent once, whichever node plans it.
CREATE TABLE reminders (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  rule_id       BIGINT        NOT NULL,
  plan_id       BIGINT        NOT NULL,
  recipient     VARCHAR(64)   NOT NULL,
  reminder_day  DATE          NOT NULL,
  due_at        TIMESTAMP(3)  NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  planned_at    TIMESTAMP(3)  NOT NULL,
  queued_at     TIMESTAMP(3),
  outbox_id     BIGINT,
  note          VARCHAR(200),
  CONSTRAINT uk_reminders_once UNIQUE (rule_id, recipient, reminder_day),
  CONSTRAINT fk_reminders_rule FOREIGN KEY (rule_id) REFERENCES reminder_rules (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_reminders_due ON reminders (status, due_at);
