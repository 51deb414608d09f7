-- Findings: every not-met answer of a confirmed inspection, the raw material of the problem list.
ALTER TABLE inspections ADD COLUMN household_id BIGINT;
ALTER TABLE inspections ADD COLUMN subject VARCHAR(200);

CREATE TABLE findings (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  inspection_id  BIGINT        NOT NULL,
  plan_id        BIGINT        NOT NULL,
  flow_id        VARCHAR(64)   NOT NULL,
  flow_revision  INT           NOT NULL,
  node_id        VARCHAR(128)  NOT NULL,
  answer_key     VARCHAR(128)  NOT NULL,
  indicator      VARCHAR(128),
  category       VARCHAR(64),
  value_text     VARCHAR(200)  NOT NULL,
  display_text   VARCHAR(500)  NOT NULL,
  description    VARCHAR(2000) NOT NULL,
  evidence_ids   VARCHAR(2000) NOT NULL,
  area_id        BIGINT,
  village_id     BIGINT,
  household_id   BIGINT,
  subject        VARCHAR(200),
  member_id      BIGINT        NOT NULL,
  inspector_name VARCHAR(32)   NOT NULL,
  recorded_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_findings_inspection FOREIGN KEY (inspection_id) REFERENCES inspections (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_findings_plan ON findings (plan_id, area_id, village_id);
CREATE INDEX ix_findings_inspection ON findings (inspection_id);
