-- Console accounts. Passwords are BCrypt hashes; repeated failures lock an account for a while.
CREATE TABLE console_users (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  username        VARCHAR(64)   NOT NULL,
  password_hash   VARCHAR(100)  NOT NULL,
  display_name    VARCHAR(64)   NOT NULL,
  role            VARCHAR(32)   NOT NULL,
  member_id       BIGINT,
  unit_id         BIGINT,
  failed_attempts INT           NOT NULL DEFAULT 0,
  locked_until    TIMESTAMP(3),
  created_at      TIMESTAMP(3)  NOT NULL,
  CONSTRAINT uk_console_users_username UNIQUE (username)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
