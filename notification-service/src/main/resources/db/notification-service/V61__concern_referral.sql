-- Referrals raised by the concern rules to children's social care: one per incident and recipient (a newer revision
-- updates it), so a later incident of the same family can be flagged as a repeat within the window.
create table concern_referral (
    incident_id                 varchar(64)  not null,
    recipient_org_id            varchar(64)  not null,
    revision                    integer      not null,
    rules                       varchar(200) not null,   -- the rules that fired, comma-separated
    occurred_at                 timestamptz  not null,   -- the incident's occurredAt
    alert_id                    uuid         not null,
    referred_at                 timestamptz  not null,
    primary key (incident_id, recipient_org_id)
);
