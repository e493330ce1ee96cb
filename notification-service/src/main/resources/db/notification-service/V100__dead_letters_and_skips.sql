-- Isolation of bad records (package consumers).
-- A dead-lettered record too large to travel on the dead-letter topic is kept here whole; its dead letter carries a
-- reference (header dlt-payload-stored) instead of the bytes. Personal data: the retention purge deletes a row once
-- dead letters of its age have left the dead-letter topic (its retention.ms).
create table dead_letter_payload (
    source_topic     varchar(249) not null,
    source_partition integer      not null,
    source_offset    bigint       not null,
    record_key       bytea,
    record_value     bytea,
    cause            text         not null,
    stored_at        timestamptz  not null,
    primary key (source_topic, source_partition, source_offset)
);

-- Records an operator asked to skip (POST /api/v1/operations/records/skip): when the consumer meets the record it
-- sends it to the dead-letter topic, cause "skipped by an operator", instead of processing it.
create table record_skip (
    source_topic     varchar(249) not null,
    source_partition integer      not null,
    source_offset    bigint       not null,
    requested_by     varchar(200) not null,
    reason           varchar(500) not null,
    requested_at     timestamptz  not null,
    skipped_at       timestamptz,
    primary key (source_topic, source_partition, source_offset)
);
