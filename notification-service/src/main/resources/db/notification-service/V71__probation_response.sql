-- Probation is asked, on every probation alert, whether the children's safeguarding needs were considered and what
-- was done. One row per probation alert with a question, written when the alert is recorded for delivery; the answer
-- is recorded once; an answer not given by respond_by is escalated once (the unit's deputies told, operations' list).
create table probation_response (
    alert_id             uuid         primary key references delivery (alert_id),
    incident_id          varchar(64)  not null,
    organisation_id      varchar(64)  not null,
    question             text         not null,
    respond_by           timestamptz  not null,
    requested_at         timestamptz  not null,
    children_considered  boolean,
    actions              text,
    answered_at          timestamptz,
    answered_by          varchar(64),               -- person.id when answered in the inbox; null through the API
    escalated_at         timestamptz
);
create index probation_response_due on probation_response (respond_by) where answered_at is null and escalated_at is null;
create index probation_response_unanswered on probation_response (organisation_id, respond_by) where answered_at is null;
