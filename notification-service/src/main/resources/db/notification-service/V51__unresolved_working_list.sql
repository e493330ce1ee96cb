-- The unresolved queue as the local authority's working list (package unresolved): what the matcher found, when the
-- incident was received (its children's deadlines run from then, also after a person resolves one), and the
-- resolution: which directory child, by whom, when.
alter table unresolved_child
    add column best_score        integer,
    add column match_reasons     text         not null default '',  -- one reason a line, never personal data
    add column postcode          varchar(16),
    add column received_at       timestamptz,
    add column status            varchar(16)  not null default 'OPEN',  -- OPEN or RESOLVED
    add column resolution        varchar(16),                         -- EXISTING_CHILD or NEW_CHILD
    add column resolved_child_id varchar(64),
    add column resolved_by       varchar(200),
    add column resolved_at       timestamptz;
update unresolved_child set received_at = detected_at where received_at is null;
alter table unresolved_child alter column received_at set not null;
create index unresolved_child_open on unresolved_child (received_at, id) where status = 'OPEN';
create index unresolved_child_resolved on unresolved_child (resolved_at) where status = 'RESOLVED';

-- The incident revision an unresolved child came from (Avro binary of IncidentReported, as received), to route it
-- for the child a person picks with the same recipients, disclosure and deadline code as any incident.
create table unresolved_incident (
    incident_id                 varchar(64)  not null,
    revision                    integer      not null,
    payload                     bytea        not null,
    primary key (incident_id, revision)
);
