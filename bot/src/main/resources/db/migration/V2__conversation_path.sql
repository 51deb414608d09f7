-- The conversation path: durable inbox, per-person conversation state, inspections and answers,
-- and the outbox of messages to send.

CREATE TABLE inbound_messages (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  dedupe_key   VARCHAR(190)  NOT NULL,
  channel      VARCHAR(16)   NOT NULL,
  user_id      VARCHAR(64)   NOT NULL,
  sent_at      TIMESTAMP(3)  NOT NULL,
  received_at  TIMESTAMP(3)  NOT NULL,
  kind         VARCHAR(32)   NOT NULL,
  payload      TEXT          NOT NULL,
  status       VARCHAR(16)   NOT NULL,
  attempts     INT           NOT NULL DEFAULT 0,
  processed_at TIMESTAMP(3),
  last_error   VARCHAR(500),
  CONSTRAINT uk_inbound_dedupe UNIQUE (dedupe_key)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inbound_user_status ON inbound_messages (user_id, status, sent_at, id);
CREATE INDEX ix_inbound_status ON inbound_messages (status, received_at);

CREATE TABLE conversations (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id      VARCHAR(64)   NOT NULL,
  member_id    BIGINT,
  inspection_id BIGINT,
  flow_id      VARCHAR(64),
  state_json   TEXT,
  version      BIGINT        NOT NULL DEFAULT 0,
  updated_at   TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_conversations_user UNIQUE (user_id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE inspections (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id        BIGINT        NOT NULL,
  member_id      BIGINT        NOT NULL,
  flow_id        VARCHAR(64)   NOT NULL,
  flow_revision  INT           NOT NULL,
  area_id        BIGINT,
  village_id     BIGINT,
  status         VARCHAR(16)   NOT NULL,
  started_at     TIMESTAMP(3)  NOT NULL,
  confirmed_at   TIMESTAMP(3),
  confirmed_by   VARCHAR(32),
  CONSTRAINT fk_inspections_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT fk_inspections_member FOREIGN KEY (member_id) REFERENCES members (id),
  CONSTRAINT fk_inspections_village FOREIGN KEY (village_id) REFERENCES villages (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_inspections_village ON inspections (village_id, status);

CREATE TABLE answers (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  inspection_id  BIGINT        NOT NULL,
  answer_key     VARCHAR(128)  NOT NULL,
  node_id        VARCHAR(128)  NOT NULL,
  value_json     TEXT          NOT NULL,
  display_text   VARCHAR(1000) NOT NULL,
  flow_revision  INT           NOT NULL,
  is_current     BOOLEAN       NOT NULL,
  answered_by    VARCHAR(64)   NOT NULL,
  answered_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_answers_inspection FOREIGN KEY (inspection_id) REFERENCES inspections (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_answers_inspection ON answers (inspection_id, answer_key, is_current);

CREATE TABLE outbox_messages (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  channel         VARCHAR(16)   NOT NULL,
  recipient       VARCHAR(64)   NOT NULL,
  payload         TEXT          NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  attempts        INT           NOT NULL DEFAULT 0,
  created_at      TIMESTAMP(3)  NOT NULL,
  next_attempt_at TIMESTAMP(3)  NOT NULL,
  claimed_by      VARCHAR(64),
  claimed_until   TIMESTAMP(3),
  sent_at         TIMESTAMP(3),
  last_error      VARCHAR(500),
  response_code   VARCHAR(256)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_outbox_status_due ON outbox_messages (status, next_attempt_at);
CREATE INDEX ix_outbox_recipient ON outbox_messages (recipient, status, id);

CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP(3) NOT NULL,
  locked_at  TIMESTAMP(3) NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
