-- The family's incidents: one row per directory person (child or adult) an incident involved, per incident. A newer
-- revision updates the incident's rows (and removes persons it no longer names): a revision is never a new incident.
create table family_incident (
    person_kind                 varchar(8)   not null,   -- CHILD or ADULT
    person_id                   varchar(64)  not null,
    incident_id                 varchar(64)  not null,
    revision                    integer      not null,
    occurred_at                 timestamptz  not null,
    risk_level                  varchar(16)  not null,
    force_code                  varchar(32)  not null,
    primary key (person_kind, person_id, incident_id)
);
create index family_incident_person_time on family_incident (person_kind, person_id, occurred_at);
create index family_incident_incident on family_incident (incident_id);

