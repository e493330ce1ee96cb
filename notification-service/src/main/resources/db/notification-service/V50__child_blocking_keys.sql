-- Fuzzy matching (package matching): every directory child is indexed under its BlockingKeys ("KIND:value", e.g.
-- "SOUNDEX_YEAR:S530|2016"), so a batch of incidents fetches its candidates with one indexed query.
-- Keys are computed in Java (normalisation, Soundex, nicknames) when a child is written (DirectoryService) and, for
-- children written any other way or before this migration, by ChildBlockingKeyIndex's catch-up: a child whose
-- keys_updated_at differs from its updated_at has stale or no keys.
create table child_blocking_key (
    key                         varchar(240) not null,
    child_id                    varchar(64)  not null references child (id) on delete cascade,
    primary key (key, child_id)
);
create index child_blocking_key_child on child_blocking_key (child_id);

alter table child add column keys_updated_at timestamptz;
create index child_keys_stale on child (id) where keys_updated_at is distinct from updated_at;
