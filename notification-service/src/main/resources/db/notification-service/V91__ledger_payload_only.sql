-- The ledger keeps each alert once, as its Avro payload (what is re-sent unchanged after an aborted Kafka
-- transaction); pages and the API render it to JSON when they read it (AlertLedger.json). The JSON copy doubled what
-- routing wrote per alert (parsed to jsonb and compressed by the database), for a copy read only by people.
-- A purged alert keeps an empty payload, as before.
alter table alert_ledger drop column content;
