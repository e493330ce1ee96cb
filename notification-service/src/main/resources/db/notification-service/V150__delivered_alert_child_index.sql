-- Which child of the police's list each alert is about (AgencyAlert.childIndex: the position, from 0, in the incident
-- revision's children as the force submitted them; null for an alert about the household). The status relay puts it
-- on every AlertStatusChanged (v3), with the revision and the organisation's name delivery already keeps, so that
-- incident-ingest can tell the force what became of each child it reported. An id, not personal data: retention keeps
-- it with the stub. Alerts kept before this have none (their payloads never carried it).
alter table delivered_alert add column child_index integer;
