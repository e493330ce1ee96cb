-- The retention purge also anonymises disclosure audit rows past the audit's retention (anonymise_disclosure_audit).
alter table retention_purge_run add column audit_anonymised integer not null default 0;
