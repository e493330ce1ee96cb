-- Email notices the mail server did not accept are tried again with a back-off (notification.mail.retry.*), then
-- FAILED for operations (GET /api/v1/operations/email-notices/failed).
alter table email_notice add column attempts integer not null default 0;
alter table email_notice add column next_attempt_at timestamptz;
