-- The console's problem page reads a problem's audit trail (who, when, why of every transition) by
-- its target label, e.g. problem:12@plan:1.
CREATE INDEX ix_audit_target ON audit_events (target, id);
