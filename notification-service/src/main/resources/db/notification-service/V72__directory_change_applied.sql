-- The directory kept current from events (directory.changes): every change id seen, once. A change is APPLIED, or
-- STALE when its effective time is older than the last change applied to the same person's same link (ignored).
create table directory_change_applied (
    change_id       varchar(200) primary key,
    kind            varchar(32)  not null,
    link            varchar(32)  not null,      -- the link the change sets: school, gp, health-visiting, ...
    person_id       varchar(64)  not null,      -- child.id or adult.id
    organisation_id varchar(64),
    effective_at    timestamptz  not null,
    outcome         varchar(16)  not null,      -- APPLIED | STALE
    source          varchar(200) not null default '',
    applied_at      timestamptz  not null
);
create index directory_change_applied_latest on directory_change_applied (person_id, link, effective_at)
    where outcome = 'APPLIED';
