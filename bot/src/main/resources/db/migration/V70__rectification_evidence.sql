-- Issue 5 for the rectification loop: a unit contact's photos go through the evidence pipeline like an
-- inspector's, and each is linked to the report (problem_reports row) it was sent with. evidence_links
-- gains a kind: ANSWER rows tie evidence to an inspection's answer (as before), RECTIFICATION rows to a
-- problem and its report, with no inspection or answer. Kept to the SQL subset of MySQL 8, MariaDB and H2.
ALTER TABLE evidence_links ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'ANSWER';
ALTER TABLE evidence_links ADD COLUMN problem_id BIGINT;
ALTER TABLE evidence_links ADD COLUMN report_id BIGINT;
ALTER TABLE evidence_links MODIFY COLUMN inspection_id BIGINT NULL;
ALTER TABLE evidence_links MODIFY COLUMN answer_key VARCHAR(128) NULL;
ALTER TABLE evidence_links ADD CONSTRAINT uk_evidence_links_report UNIQUE (evidence_id, report_id);
ALTER TABLE evidence_links ADD CONSTRAINT fk_evidence_links_problem FOREIGN KEY (problem_id) REFERENCES problems (id);
ALTER TABLE evidence_links ADD CONSTRAINT fk_evidence_links_report FOREIGN KEY (report_id) REFERENCES problem_reports (id);
CREATE INDEX ix_evidence_links_problem ON evidence_links (problem_id, kind);
