-- Delivery channels: per-organisation settings, the email notice outbox, webhook deliveries and every attempt.
-- Nothing here is held back for office hours: notices and webhooks go out as soon as an alert is recorded.

-- The status relay publishes delivery_event rows in this order (per alert it is the order the steps happened:
-- each step locks the alert's delivery row, so a later step commits after an earlier one).
alter table delivery_event add column seq bigserial;
create index delivery_event_unpublished_seq on delivery_event (seq) where published_at is null;

-- Email notices on or off per organisation (no row: on). A notice says only that a notification is waiting.
create table email_notice_setting (
    organisation_id  varchar(64)  primary key references organisation (id),
    enabled          boolean      not null,
    updated_at       timestamptz  not null default now()
);

-- The organisation's own system: alerts are POSTed there as JSON, signed with the secret (HMAC-SHA256).
create table webhook_endpoint (
    organisation_id  varchar(64)   primary key references organisation (id),
    url              varchar(2000) not null,
    secret           varchar(200)  not null,
    active           boolean       not null default true,
    updated_at       timestamptz   not null default now()
);

-- Email notices to send: NEW_ALERT to the key adults, ESCALATION to the deputies. Written with the delivery (or the
-- escalation) in one transaction, sent by the dispatcher: a notice survives a restart.
create table email_notice (
    id               bigserial    primary key,
    alert_id         uuid         not null references delivery (alert_id),
    organisation_id  varchar(64)  not null,
    purpose          varchar(16)  not null,     -- NEW_ALERT | ESCALATION
    status           varchar(16)  not null,     -- PENDING | SENT | FAILED | SKIPPED
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    recipients       int          not null default 0,
    detail           text         not null default '',  -- outcome in words, never personal data
    unique (alert_id, purpose)
);
create index email_notice_pending on email_notice (id) where status = 'PENDING';

-- One webhook delivery per alert for an organisation with an active endpoint; the body is fixed when the alert
-- arrives, so every attempt sends (and signs) the same bytes.
create table webhook_delivery (
    alert_id         uuid         primary key references delivery (alert_id),
    organisation_id  varchar(64)  not null,
    body             text         not null,
    status           varchar(16)  not null,     -- PENDING | DELIVERED | DEAD
    attempts         int          not null default 0,
    next_attempt_at  timestamptz  not null,     -- also the lease of an attempt in progress
    created_at       timestamptz  not null,
    completed_at     timestamptz,
    last_error       text
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';

-- Every attempt: when, the answer (status code) or the error, how long it took; dead once the delivery is given up.
create table webhook_attempt (
    id               bigserial    primary key,
    alert_id         uuid         not null references webhook_delivery (alert_id),
    attempt          int          not null,
    attempted_at     timestamptz  not null,
    status_code      int,
    error            text,
    duration_ms      bigint       not null,
    succeeded        boolean      not null,
    dead             boolean      not null default false,
    unique (alert_id, attempt)
);
