-- The supervision plan as data: plans, teams, members, areas and villages.
-- Kept to the SQL subset that MySQL 8, MariaDB 10.11 and H2 (MySQL mode) all accept.

CREATE TABLE plans (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  code            VARCHAR(64)   NOT NULL,
  name            VARCHAR(200)  NOT NULL,
  county          VARCHAR(64)   NOT NULL,
  plan_year       INT           NOT NULL,
  field_start     DATE          NOT NULL,
  field_end       DATE          NOT NULL,
  extension_days  INT           NOT NULL DEFAULT 0,
  report_due      DATE,
  monitoring_line DECIMAL(12,2),
  active          BOOLEAN       NOT NULL DEFAULT TRUE,
  created_at      TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT uk_plans_code UNIQUE (code)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE teams (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id    BIGINT       NOT NULL,
  team_no    INT          NOT NULL,
  name       VARCHAR(64)  NOT NULL,
  CONSTRAINT uk_teams_plan_no UNIQUE (plan_id, team_no),
  CONSTRAINT fk_teams_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE areas (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id    BIGINT       NOT NULL,
  team_id    BIGINT,
  name       VARCHAR(64)  NOT NULL,
  kind       VARCHAR(16)  NOT NULL,
  sort_order INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_areas_plan_name UNIQUE (plan_id, name),
  CONSTRAINT fk_areas_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT fk_areas_team FOREIGN KEY (team_id) REFERENCES teams (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE members (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id        BIGINT       NOT NULL,
  team_id        BIGINT       NOT NULL,
  name           VARCHAR(32)  NOT NULL,
  role           VARCHAR(16)  NOT NULL,
  position       VARCHAR(128),
  wecom_user_id  VARCHAR(64)  NOT NULL,
  sort_order     INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_members_plan_user UNIQUE (plan_id, wecom_user_id),
  CONSTRAINT fk_members_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT fk_members_team FOREIGN KEY (team_id) REFERENCES teams (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_members_user ON members (wecom_user_id);

CREATE TABLE villages (
  id         BIGINT AUTO_INCREMENT PRIMARY KEY,
  area_id    BIGINT       NOT NULL,
  name       VARCHAR(64)  NOT NULL,
  sort_order INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_villages_area_name UNIQUE (area_id, name),
  CONSTRAINT fk_villages_area FOREIGN KEY (area_id) REFERENCES areas (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
