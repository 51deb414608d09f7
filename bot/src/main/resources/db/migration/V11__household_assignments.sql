-- Issue 4: households sampled for a visit and the inspector each is assigned to. One row per household
-- and plan (a plan is one round), so no household is visited twice in a round. Whether a visit is done
-- is read from the signed household-visit inspections, not kept twice.

CREATE TABLE household_assignments (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id        BIGINT        NOT NULL,
  village_id     BIGINT        NOT NULL,
  household_id   BIGINT        NOT NULL,
  member_id      BIGINT        NOT NULL,
  assigned_at    TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_assignments_plan_household UNIQUE (plan_id, household_id),
  CONSTRAINT fk_assignments_plan FOREIGN KEY (plan_id) REFERENCES plans (id),
  CONSTRAINT fk_assignments_village FOREIGN KEY (village_id) REFERENCES villages (id),
  CONSTRAINT fk_assignments_household FOREIGN KEY (household_id) REFERENCES households (id),
  CONSTRAINT fk_assignments_member FOREIGN KEY (member_id) REFERENCES members (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_assignments_member ON household_assignments (member_id, village_id);
