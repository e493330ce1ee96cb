-- Disclosure audit (package audit): every disclosure of information about a child, append-only. Ids only, no names.
-- Also the outbox the audit relay publishes to audit.disclosures (published_at).

create table disclosure_audit (
    event_id         uuid         primary key,  -- stable: the same event is recorded and published under one id
    seq              bigserial    not null,     -- relay order
    action           varchar(32)  not null,     -- DisclosureAction
    occurred_at      timestamptz  not null,
    actor            varchar(64)  not null,     -- person.id, or 'system' for the platform
    organisation_id  varchar(64)  not null,     -- who the information was disclosed to
    child_id         varchar(64),
    incident_id      varchar(64),
    alert_id         uuid,
    fields           text[]       not null default '{}',  -- names of the items disclosed, never their values
    policy_version   varchar(64),
    lawful_basis     text,
    published_at     timestamptz
);
create index disclosure_audit_child on disclosure_audit (child_id, occurred_at desc);
create index disclosure_audit_unpublished on disclosure_audit (seq) where published_at is null;

-- Append-only. Refused: DELETE, TRUNCATE and any UPDATE except
--  (a) the relay marking a row published (published_at from null to a time, nothing else), and
--  (b) anonymisation: the personal columns (child_id, incident_id, alert_id, actor) set to null / 'anonymised' and
--      nothing else, which leaves an anonymised stub (what was disclosed to which organisation, when, under which
--      policy and basis). The retention purge does this through anonymise_disclosure_audit(before).
create function disclosure_audit_append_only() returns trigger language plpgsql as $$
declare
    personal constant text[] := array['child_id', 'incident_id', 'alert_id', 'actor'];
begin
    if tg_op = 'UPDATE' then
        if old.published_at is null and new.published_at is not null
                and to_jsonb(new) - 'published_at' = to_jsonb(old) - 'published_at' then
            return new;
        end if;
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

create trigger disclosure_audit_append_only before update or delete on disclosure_audit
    for each row execute function disclosure_audit_append_only();
create trigger disclosure_audit_no_truncate before truncate on disclosure_audit
    for each statement execute function disclosure_audit_append_only();

-- The retention purge's way in: anonymises every audit row that occurred before the given time. Returns how many.
create function anonymise_disclosure_audit(before timestamptz) returns integer language sql as $$
    with done as (
        update disclosure_audit set child_id = null, incident_id = null, alert_id = null, actor = 'anonymised'
        where occurred_at < before and (child_id is not null or incident_id is not null or alert_id is not null
            or actor <> 'anonymised')
        returning 1)
    select count(*)::integer from done;
$$;
