-- Issue 6: the problem list (问题清单) and the rectification loop. A problem is made from a finding (or a
-- verified complaint), assigned to a responsible unit, and moved through its states; every transition is
-- also an audit event. Reports and rejections are kept as rows; a person's half-written report or
-- rejection reason lives in rectification_drafts, apart from the inspection flow's conversation state.

CREATE TABLE problems (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id         BIGINT        NOT NULL,
  finding_id      BIGINT,
  inspection_id   BIGINT,
  indicator       VARCHAR(128)  NOT NULL,
  category        VARCHAR(64),
  wording         VARCHAR(2000) NOT NULL,
  area_id         BIGINT,
  village_id      BIGINT,
  household_id    BIGINT,
  subject         VARCHAR(200),
  evidence_ids    VARCHAR(2000) NOT NULL,
  member_id       BIGINT        NOT NULL,
  inspector_name  VARCHAR(32)   NOT NULL,
  team_id         BIGINT,
  unit_id         BIGINT,
  status          VARCHAR(24)   NOT NULL,
  deadline        DATE          NOT NULL,
  merged_into_id  BIGINT,
  created_at      TIMESTAMP(3)  NOT NULL,
  updated_at      TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_problems_finding UNIQUE (finding_id),
  CONSTRAINT fk_problems_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT fk_problems_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_problems_plan_status ON problems (plan_id, status, deadline);
CREATE INDEX ix_problems_unit ON problems (unit_id, status);

-- The plan's responsible unit per indicator; indicators without a rule go to the area's township.
CREATE TABLE problem_unit_rules (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id    BIGINT       NOT NULL,
  indicator  VARCHAR(128) NOT NULL,
  unit_id    BIGINT       NOT NULL,
  CONSTRAINT uk_problem_unit_rules UNIQUE (plan_id, indicator),
  CONSTRAINT fk_problem_unit_rules_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What units reported and what reviewers answered, in order.
CREATE TABLE problem_reports (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  problem_id    BIGINT        NOT NULL,
  kind          VARCHAR(16)   NOT NULL,
  body          VARCHAR(2000) NOT NULL,
  evidence_ids  VARCHAR(2000) NOT NULL,
  actor         VARCHAR(128)  NOT NULL,
  actor_name    VARCHAR(32),
  created_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_problem_reports_problem FOREIGN KEY (problem_id) REFERENCES problems (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_problem_reports_problem ON problem_reports (problem_id, id);

-- One open draft per WeCom user: a rectification report being written, or a rejection reason awaited.
CREATE TABLE rectification_drafts (
  wecom_user_id  VARCHAR(64)   NOT NULL PRIMARY KEY,
  problem_id     BIGINT        NOT NULL,
  purpose        VARCHAR(16)   NOT NULL,
  evidence_ids   VARCHAR(2000) NOT NULL,
  started_at     TIMESTAMP(3)  NOT NULL,
  CONSTRAINT fk_rectification_drafts_problem FOREIGN KEY (problem_id) REFERENCES problems (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
