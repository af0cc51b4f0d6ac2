-- The individual's disclosure report (registerutdrag över utlämnanden) reads one person's audit records
-- in a period, and counts each of the person's subscriptions' notifications: both by index, so that the
-- report stays fast however large the log grows.
DROP INDEX AUDIT_RECORD_PERSON;
CREATE INDEX AUDIT_RECORD_PERSON_TIME ON AUDIT_RECORD (PERSON_ID, RECORDED_AT);
CREATE INDEX NOTIFICATION_SUBSCRIPTION ON NOTIFICATION (SUBSCRIPTION_ID, CREATED_AT);
