-- Delivery: where each alert is on its way to being read and acted on, who did what and when.

create table delivery (
    alert_id         uuid         primary key,  -- alert_ledger.alert_id
    incident_id      varchar(64)  not null,
    organisation_id  varchar(64)  not null,
    recipient_kind   varchar(32)  not null,
    due_by           timestamptz,
    state            varchar(16)  not null,     -- DeliveryState: the furthest the alert has got
    created_at       timestamptz  not null,
    opened_at        timestamptz,               -- first opening: the acknowledgement
    opened_by        varchar(64),               -- person.id
    actioned_at      timestamptz,
    actioned_by      varchar(64),
    action           varchar(32),               -- RecipientAction
    action_note      text,
    escalated_at     timestamptz,
    breached_at      timestamptz
);
create index delivery_inbox on delivery (organisation_id, state, due_by);
create index delivery_unopened_due on delivery (due_by) where opened_at is null;

-- Every step, append-only; also the outbox the status relay publishes to alerts.status (published_at).
create table delivery_event (
    event_id         uuid         primary key,
    alert_id         uuid         not null references delivery (alert_id),
    state            varchar(16)  not null,
    channel          varchar(16)  not null,
    occurred_at      timestamptz  not null,
    actor_id         varchar(64),
    detail           text         not null default '',
    published_at     timestamptz
);
create index delivery_event_alert on delivery_event (alert_id, occurred_at);
create index delivery_event_unpublished on delivery_event (occurred_at) where published_at is null;

-- People who sign in: each bound to one organisation and one role. Local accounts carry a password hash (the
-- local run); production signs people in through the organisation's identity provider instead.
create table person (
    id               varchar(64)  primary key,
    organisation_id  varchar(64)  not null references organisation (id),
    display_name     varchar(200) not null,
    email            varchar(320) not null unique,
    role             varchar(40)  not null,     -- PersonRole
    password_hash    varchar(200)
);
create index person_organisation on person (organisation_id, role);
