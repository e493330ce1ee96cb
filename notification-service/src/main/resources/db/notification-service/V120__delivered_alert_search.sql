-- The alerts API finds an organisation's alerts by police reference and by child (id or name), for a school looking
-- for one case: delivery keeps those keys beside each alert it receives (the payload is Avro, not searchable).
-- police_reference_key: the reference upper-cased and trimmed; child_name_key: the child's given and family name
-- normalised as matching does (lower case, letters and digits only). Retention clears the child's keys with the payload.
-- Alerts kept before this are given their keys once at start (DeliveredAlertSearchKeys).
alter table delivered_alert add column police_reference_key varchar(100);
alter table delivered_alert add column child_id varchar(64);
alter table delivered_alert add column child_name_key varchar(300);
create index delivered_alert_by_police_reference on delivered_alert (organisation_id, police_reference_key);
create index delivered_alert_by_child on delivered_alert (organisation_id, child_id);
