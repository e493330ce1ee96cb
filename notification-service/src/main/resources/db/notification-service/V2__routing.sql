-- What was routed: one row per incident revision received, one per alert sent, one per child not routed.

-- Every incident revision received, with what was decided and the record it came from.
-- outcome: ROUTED (alerts and unresolved children recorded) or SUPERSEDED (older than a revision already routed).
create table incident_revision (
    incident_id                 varchar(64)  not null,
    revision                    integer      not null,
    outcome                     varchar(16)  not null,
    source_topic                varchar(200) not null,
    source_partition            integer      not null,
    source_offset               bigint       not null,
    received_at                 timestamptz  not null,
    primary key (incident_id, revision)
);
create index incident_revision_source on incident_revision (source_partition, source_offset);

-- The ledger: one row per alert sent, with the alert itself (content: JSON for people; payload: Avro binary of
-- AgencyAlert for re-sending it unchanged).
create table alert_ledger (
    alert_id                    uuid         not null unique,
    incident_id                 varchar(64)  not null,
    revision                    integer      not null,
    child_id                    varchar(64)  not null,
    recipient_org_id            varchar(64)  not null,
    recipient_kind              varchar(32)  not null,
    topic                       varchar(200) not null,
    routing_reason              varchar(64)  not null,
    routed_at                   timestamptz  not null,
    source_topic                varchar(200) not null,
    source_partition            integer      not null,
    source_offset               bigint       not null,
    content                     jsonb        not null,
    payload                     bytea        not null,
    primary key (incident_id, revision, child_id, recipient_org_id)
);
create index alert_ledger_source on alert_ledger (source_partition, source_offset);
create index alert_ledger_recipient on alert_ledger (recipient_org_id, routed_at);

-- Children of an incident that could not be routed, for the local authority's team.
create table unresolved_child (
    id                          bigserial    primary key,
    incident_id                 varchar(64)  not null,
    revision                    integer      not null,
    child_index                 integer      not null,
    force_code                  varchar(32)  not null,
    police_reference            varchar(100) not null,
    given_name                  varchar(100) not null,
    family_name                 varchar(100) not null,
    date_of_birth               date,
    reason                      varchar(32)  not null,
    detail                      varchar(500) not null,
    detected_at                 timestamptz  not null,
    source_topic                varchar(200) not null,
    source_partition            integer      not null,
    source_offset               bigint       not null,
    unique (incident_id, revision, child_index)
);
create index unresolved_child_source on unresolved_child (source_partition, source_offset);
create index unresolved_child_detected on unresolved_child (detected_at);
