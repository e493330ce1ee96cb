-- Retention: past its retention a record keeps an anonymised stub (ids, recipient, kind, instants, purged_at) and
-- nothing that names anyone. The purge runs in batches (notification.retention.*).

alter table alert_ledger add column purged_at timestamptz;
create index alert_ledger_retention on alert_ledger (recipient_kind, routed_at) where purged_at is null;

alter table unresolved_child add column purged_at timestamptz;
create index unresolved_child_retention on unresolved_child (detected_at) where purged_at is null;

-- One row per purge run that changed anything: what the platform removed, and when (no personal data).
create table retention_purge_run (
    id                      bigserial    primary key,
    ran_at                  timestamptz  not null,
    alerts_purged           integer      not null,
    unresolved_purged       integer      not null,
    webhook_bodies_cleared  integer      not null
);
