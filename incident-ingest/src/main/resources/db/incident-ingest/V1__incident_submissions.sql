-- Accepted submissions of police incidents. No personal data: the incident content is on the incidents topic;
-- here only ids, revisions, statuses, instants and a SHA-256 of the content (to tell a retry from a changed report).

create table incident (
    incident_id      varchar(36)  primary key,   -- IncidentIds.forPoliceReference(force, reference)
    force_code       varchar(10)  not null,
    police_reference varchar(64)  not null,
    latest_revision  integer      not null,       -- 0 only inside the transaction that creates the row
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    constraint incident_force_reference_uk unique (force_code, police_reference)
);

create table incident_submission (
    id               bigserial    primary key,
    incident_id      varchar(36)  not null references incident (incident_id),
    force_code       varchar(10)  not null,
    police_reference varchar(64)  not null,
    revision         integer      not null check (revision >= 1),
    status           varchar(16)  not null check (status in ('PUBLISHED', 'SUPERSEDED')),
    payload_sha256   char(64)     not null,
    received_at      timestamptz  not null,
    published_at     timestamptz,
    constraint incident_submission_revision_uk unique (incident_id, revision)
);
