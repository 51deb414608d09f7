-- Issue 8: the supervision report's five parts (督导工作开展情况 … 意见及建议) as edited in the console,
-- one row per plan and part; a part without a row is generated from the data when shown or exported.
CREATE TABLE report_sections (
  id          BIGINT AUTO_INCREMENT PRIMARY KEY,
  plan_id     BIGINT        NOT NULL,
  part_no     INT           NOT NULL,
  body        TEXT          NOT NULL,
  updated_by  VARCHAR(64)   NOT NULL,
  updated_at  TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_report_sections_plan_part UNIQUE (plan_id, part_no),
  CONSTRAINT fk_report_sections_plan FOREIGN KEY (plan_id) REFERENCES plans (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
