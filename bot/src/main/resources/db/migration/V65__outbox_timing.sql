-- Reminders never reach anyone in quiet hours, not even as a retry or after a per-member delay: an outbox
-- message says whether it may go at any time (replies, notices) or only in waking hours (reminders).
ALTER TABLE outbox_messages ADD COLUMN timing VARCHAR(16) NOT NULL DEFAULT 'ANY_TIME';
