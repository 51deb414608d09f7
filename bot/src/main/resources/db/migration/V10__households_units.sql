-- Issue 4: the rest of the plan as data. Households (masked ID numbers only), responsible units and
-- their WeCom contacts, the plan's default rectification deadline, and roster entries that may wait
-- for their WeCom user id (filled in by the contact sync).

ALTER TABLE plans ADD COLUMN rectification_days INT NOT NULL DEFAULT 15;

ALTER TABLE members MODIFY COLUMN wecom_user_id VARCHAR(64) NULL;

CREATE TABLE households (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  village_id        BIGINT       NOT NULL,
  head_name         VARCHAR(32)  NOT NULL,
  id_number_masked  VARCHAR(24)  NOT NULL,
  category          VARCHAR(32)  NOT NULL,
  household_size    INT          NOT NULL,
  monitored         BOOLEAN      NOT NULL DEFAULT FALSE,
  warning_level     INT,
  risk_eliminated   BOOLEAN      NOT NULL DEFAULT FALSE,
  sort_order        INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_households_village_person UNIQUE (village_id, id_number_masked, head_name),
  CONSTRAINT fk_households_village FOREIGN KEY (village_id) REFERENCES villages (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_households_village_category ON households (village_id, category);

CREATE TABLE units (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id     BIGINT       NOT NULL,
  name        VARCHAR(64)  NOT NULL,
  kind        VARCHAR(16)  NOT NULL,
  area_id     BIGINT,
  sort_order  INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_units_plan_name UNIQUE (plan_id, name),
  CONSTRAINT fk_units_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT fk_units_area FOREIGN KEY (area_id) REFERENCES areas (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unit_contacts (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  unit_id        BIGINT       NOT NULL,
  name           VARCHAR(32)  NOT NULL,
  wecom_user_id  VARCHAR(64),
  phone          VARCHAR(20),
  sort_order     INT          NOT NULL DEFAULT 0,
  CONSTRAINT uk_unit_contacts_user UNIQUE (unit_id, wecom_user_id),
  CONSTRAINT fk_unit_contacts_unit FOREIGN KEY (unit_id) REFERENCES units (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_unit_contacts_user ON unit_contacts (wecom_user_id);
