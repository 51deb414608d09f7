-- Photos and locations as evidence (issue 5). Photo bytes live in the evidence store (content
-- addressed by SHA-256); these tables hold what each photo or location is, who sent it, what it
-- answers and what looks wrong about it. Kept to the SQL subset of MySQL 8, MariaDB 10.11 and H2.

-- Village coordinates, for the distance check of photos and locations (filled by the village import).
ALTER TABLE villages ADD COLUMN latitude DECIMAL(9,6);
ALTER TABLE villages ADD COLUMN longitude DECIMAL(9,6);

-- One row per photo or location received. A photo row is written when its download is stored, and
-- attached to the sender's inspection when the conversation applies the message; node_id is the
-- question that was open (NULL: kept as an attachment), answer_key the answer that took it.
-- taken_at is DATETIME (UTC): EXIF clocks can say anything, TIMESTAMP stops at 1970 and 2038.
CREATE TABLE evidence (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind           VARCHAR(16)   NOT NULL,
  sha256         CHAR(64),
  media_type     VARCHAR(32),
  size_bytes     BIGINT,
  width          INT,
  height         INT,
  thumb_sha256   CHAR(64),
  taken_at       DATETIME(3),
  latitude       DECIMAL(9,6),
  longitude      DECIMAL(9,6),
  label          VARCHAR(200),
  uploader       VARCHAR(64)   NOT NULL,
  channel        VARCHAR(16)   NOT NULL,
  inbound_id     BIGINT        NOT NULL,
  inspection_id  BIGINT,
  village_id     BIGINT,
  node_id        VARCHAR(128),
  answer_key     VARCHAR(128),
  received_at    TIMESTAMP(3)  NOT NULL,
  attached_at    TIMESTAMP(3),
  CONSTRAINT uk_evidence_inbound UNIQUE (inbound_id),
  CONSTRAINT fk_evidence_inspection FOREIGN KEY (inspection_id) REFERENCES inspections (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_evidence_sha ON evidence (sha256);
CREATE INDEX ix_evidence_inspection ON evidence (inspection_id, answer_key);
CREATE INDEX ix_evidence_uploader ON evidence (uploader, received_at);

-- Which answers a piece of evidence serves (one photo may serve several answers, findings or
-- rectifications). Kept when an answer is changed later: the answers table keeps that history too.
CREATE TABLE evidence_links (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  evidence_id    BIGINT        NOT NULL,
  inspection_id  BIGINT        NOT NULL,
  answer_key     VARCHAR(128)  NOT NULL,
  linked_at      TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_evidence_links UNIQUE (evidence_id, inspection_id, answer_key),
  CONSTRAINT fk_evidence_links_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id),
  CONSTRAINT fk_evidence_links_inspection FOREIGN KEY (inspection_id) REFERENCES inspections (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE INDEX ix_evidence_links_answer ON evidence_links (inspection_id, answer_key);

-- What looks wrong about a piece of evidence: never blocking, shown to reviewers with the finding.
CREATE TABLE evidence_flags (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  evidence_id    BIGINT        NOT NULL,
  code           VARCHAR(32)   NOT NULL,
  detail         VARCHAR(500)  NOT NULL,
  created_at     TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_evidence_flags UNIQUE (evidence_id, code),
  CONSTRAINT fk_evidence_flags_evidence FOREIGN KEY (evidence_id) REFERENCES evidence (id)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The settled outcome of fetching the photo of one inbound image message: STORED (evidence_id set)
-- or why not. The conversation applies an image message only once its fetch is settled.
CREATE TABLE media_fetches (
  inbound_id     BIGINT        NOT NULL PRIMARY KEY,
  user_id        VARCHAR(64)   NOT NULL,
  outcome        VARCHAR(32)   NOT NULL,
  evidence_id    BIGINT,
  attempts       INT           NOT NULL,
  detail         VARCHAR(500),
  settled_at     TIMESTAMP(3)  NOT NULL
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
