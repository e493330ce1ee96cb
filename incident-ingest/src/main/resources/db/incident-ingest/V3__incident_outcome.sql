-- What became of each report, as delivery told it (alerts.status) and routing (alerts.unresolved): one row per step of
-- an alert and one per child of a revision that could not be routed; the outcome a force reads
-- (GET /api/v1/incidents/{id}/outcome) is decided from these rows (outcome/OutcomeRules). Ids, states, instants, the
-- recipient organisation's name and the reason a child waits: no person's name, no id of the person who opened or
-- actioned an alert. Steps of incidents ingest did not accept (a force producing straight onto Kafka) are kept too.
create table outcome_event (
    event_id          varchar(100) primary key,  -- AlertStatusChanged.eventId; 'unresolved:<incident>:<revision>:<child>'
    incident_id       varchar(64)  not null,
    kind              varchar(16)  not null check (kind in ('ALERT_STATE', 'CHILD_WAITING')),
    revision          integer,                   -- null: a status event older than AlertStatusChanged v3
    child_index       integer,                   -- position in the revision's children; null: about the household
    alert_id          varchar(64),
    organisation_id   varchar(64),
    organisation_name varchar(300),
    recipient_kind    varchar(32),
    state             varchar(16),               -- DeliveryState of the step
    reason            varchar(32),               -- UnresolvedReason of a waiting child
    occurred_at       timestamptz  not null,
    due_by            timestamptz,
    received_at       timestamptz  not null
);
create index outcome_event_incident on outcome_event (incident_id, occurred_at);
