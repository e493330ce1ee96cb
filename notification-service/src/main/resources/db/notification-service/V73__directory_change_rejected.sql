-- Changes on directory.changes that cannot be applied (unknown person or organisation, wrong kind of organisation,
-- UNKNOWN kind, unreadable record): kept here with the reason, in place of a dead-letter topic (the topic list is
-- fixed), for the directory administrators. Ids and the reason only: never a name.
create table directory_change_rejected (
    id               bigserial    primary key,
    change_id        varchar(200),               -- null when the record could not be read
    kind             varchar(32),
    reason           text         not null,
    source_topic     varchar(200) not null,
    source_partition integer      not null,
    source_offset    bigint       not null,
    rejected_at      timestamptz  not null,
    unique (source_topic, source_partition, source_offset)
);
create index directory_change_rejected_change on directory_change_rejected (change_id);
