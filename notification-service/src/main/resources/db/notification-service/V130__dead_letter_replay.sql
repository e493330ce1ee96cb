-- The operations console (package shared.operations): dead letters an operator re-published after a fix.
-- One row per dead letter (its position on the dead-letter topic is the key), written in the same database transaction
-- that publishes it again, so a dead letter is replayed at most once: a second request meets the key and sends
-- nothing. The row is the audit: who, when, which record, and where it went. Ids and positions only, no record content.
create table dead_letter_replay (
    dlt_topic          varchar(249) not null,
    dlt_partition      integer      not null,
    dlt_offset         bigint       not null,
    source_topic       varchar(249) not null,   -- the record's original topic, where it is published again
    source_partition   integer      not null,
    source_offset      bigint       not null,
    replayed_by        varchar(200) not null,   -- person.id (or idp:<sub>) of the operator
    replayed_at        timestamptz  not null,
    replayed_partition integer,                 -- where the replayed record landed
    replayed_offset    bigint,
    primary key (dlt_topic, dlt_partition, dlt_offset)
);
