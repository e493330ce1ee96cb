-- Delivery keeps each alert it receives, as the Avro payload it arrived in: the inbox, the alerts API, probation's
-- answer form and the disclosure audit of what a person saw read this table, never routing's ledger. The two modules
-- meet only on the alert topics, so delivery can run as its own process (and, later, its own database).
create table delivered_alert (
    alert_id         uuid         primary key references delivery (alert_id),
    organisation_id  varchar(64)  not null,
    organisation_name varchar(300) not null,  -- as the alert named its recipient
    recipient_kind   varchar(32)  not null,
    incident_id      varchar(64)  not null,
    revision         integer      not null,
    routed_at        timestamptz  not null,
    payload          bytea        not null,   -- AgencyAlert, Avro binary; empty once purged
    purged_at        timestamptz
);
create index delivered_alert_retention on delivered_alert (recipient_kind, routed_at) where purged_at is null;

-- Alerts delivered before this table existed: copied once from the ledger (the last time delivery reads it).
insert into delivered_alert (alert_id, organisation_id, organisation_name, recipient_kind, incident_id, revision,
                             routed_at, payload, purged_at)
select l.alert_id, l.recipient_org_id, coalesce(o.name, l.recipient_org_id), l.recipient_kind, l.incident_id,
       l.revision, l.routed_at, l.payload, l.purged_at
from alert_ledger l join delivery d on d.alert_id = l.alert_id left join organisation o on o.id = l.recipient_org_id;

-- Delivery's settings name an organisation by id; whether delivery knows it is delivery's own question (people or
-- alerts), not a constraint on the directory's table.
alter table email_notice_setting drop constraint if exists email_notice_setting_organisation_id_fkey;
alter table webhook_endpoint drop constraint if exists webhook_endpoint_organisation_id_fkey;
