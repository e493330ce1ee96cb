-- The audit relay reads disclosure_audit from a position instead of marking each row published (see AuditRelay):
-- routing writes about seven audit rows per incident, and marking each one published cost an update (and this
-- table's append-only check) per row, as much database time as routing itself.
--
-- tx: the transaction that wrote the row. The relay reads rows after its position in (tx, seq) order, and only rows of
-- transactions older than every transaction still running, so a transaction that commits late is never skipped.
-- Rows from before this migration get tx 0 and keep their seq order.
alter table disclosure_audit add column tx xid8 not null default '0';
alter table disclosure_audit alter column tx set default pg_current_xact_id();
create index disclosure_audit_position on disclosure_audit (tx, seq);

create table outbox_position (
    outbox    varchar(64)  primary key,
    tx        xid8         not null,
    seq       bigint       not null,
    moved_at  timestamptz  not null
);
-- start just before the oldest row not yet published (or after the last row, when all are out)
insert into outbox_position (outbox, tx, seq, moved_at)
select 'audit', '0', coalesce((select min(seq) - 1 from disclosure_audit where published_at is null),
                              (select max(seq) from disclosure_audit), 0), now();

drop index disclosure_audit_unpublished;
alter table disclosure_audit drop column published_at;

-- Now strictly append-only: every UPDATE is refused except anonymisation (the personal ids set to null /
-- 'anonymised' and nothing else), which the retention purge does through anonymise_disclosure_audit(before).
create or replace function disclosure_audit_append_only() returns trigger language plpgsql as $$
declare
    personal constant text[] := array['child_id', 'incident_id', 'alert_id', 'actor'];
begin
    if tg_op = 'UPDATE' then
        if to_jsonb(new) - personal = to_jsonb(old) - personal
                and (new.child_id is null or new.child_id = old.child_id)
                and (new.incident_id is null or new.incident_id = old.incident_id)
                and (new.alert_id is null or new.alert_id = old.alert_id)
                and (new.actor = 'anonymised' or new.actor = old.actor) then
            return new;
        end if;
    end if;
    raise exception 'disclosure_audit is append-only: % refused (only anonymise_disclosure_audit may remove personal ids)', tg_op
        using errcode = 'insufficient_privilege';
end $$;
