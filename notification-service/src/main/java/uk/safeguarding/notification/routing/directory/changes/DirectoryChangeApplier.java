package uk.safeguarding.notification.routing.directory.changes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;
import uk.safeguarding.notification.routing.directory.changes.DirectoryChangeRules.PersonKind;
import uk.safeguarding.notification.shared.vocabulary.Names;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies one {@link DirectoryChanged} in ONE database transaction: idempotent by changeId (a change seen twice is
 * applied once), stale changes ignored, and anything that cannot be applied recorded in
 * {@code directory_change_rejected} with the reason (in place of a dead-letter topic). Committed, the change is what
 * the next incident is routed by.
 */
@Component
public class DirectoryChangeApplier {

    private static final Logger log = LoggerFactory.getLogger(DirectoryChangeApplier.class);

    private static final Set<IdentifierScheme> CHILD_SCHEMES = Set.of(IdentifierScheme.UPN, IdentifierScheme.NHS_NUMBER);

    /** What happened to a change. */
    public enum Outcome { APPLIED, STALE, DUPLICATE, REJECTED }

    private final JdbcTemplate jdbc;

    public DirectoryChangeApplier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Outcome apply(DirectoryChanged change, RecordPosition position, Instant now) {
        String changeId = change.getChangeId();
        // one change id at a time, across instances: the second waits, then sees the first as applied
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> null, changeId);
        Boolean seen = jdbc.queryForObject("select exists (select 1 from directory_change_applied where change_id = ?)"
                + " or exists (select 1 from directory_change_rejected where change_id = ?)", Boolean.class, changeId,
                changeId);
        if (Boolean.TRUE.equals(seen)) {
            log.info("Directory change {} seen before: nothing done", changeId);
            return Outcome.DUPLICATE;
        }
        Optional<OrganisationKind> link = DirectoryChangeRules.linkOf(change.getKind());
        Optional<String> personId = link.flatMap(l -> person(change, DirectoryChangeRules.personOf(l)));
        String organisationId = blankToNull(change.getOrganisationId());
        OrganisationKind organisationKind = organisationId == null ? null : jdbc.query(
                "select kind from organisation where id = ?",
                rs -> rs.next() ? OrganisationKind.valueOf(rs.getString(1)) : null, organisationId);
        Instant lastApplied = personId.isEmpty() ? null : jdbc.query("select max(effective_at) from directory_change_applied"
                        + " where person_id = ? and link = ? and outcome = 'APPLIED'",
                rs -> rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant() : null,
                personId.get(), link.get().link().changeKey());

        DirectoryChangeRules.Decision decision = DirectoryChangeRules.decide(change.getKind(), organisationId,
                organisationKind, personId.isPresent(), change.getEffectiveAt(), lastApplied);
        if (decision instanceof DirectoryChangeRules.Reject r) {
            reject(changeId, change.getKind().name(), r.reason(), position, now);
            return Outcome.REJECTED;
        }
        String person = personId.orElseThrow();
        if (decision instanceof DirectoryChangeRules.Apply a) {
            update(a, person, change, now);
        }
        boolean stale = decision instanceof DirectoryChangeRules.Stale;
        jdbc.update("insert into directory_change_applied (change_id, kind, link, person_id, organisation_id,"
                        + " effective_at, outcome, source, applied_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                changeId, change.getKind().name(), link.orElseThrow().link().changeKey(), person, organisationId,
                Timestamp.from(change.getEffectiveAt()), stale ? "STALE" : "APPLIED",
                change.getSource() == null ? "" : change.getSource(), Timestamp.from(now));
        log.info("Directory change {} ({}) for {}: {}", changeId, change.getKind(), person, stale ? "stale, ignored" : "applied");
        return stale ? Outcome.STALE : Outcome.APPLIED;
    }

    /** Records a change (or an unreadable record) that cannot be applied; logs its id and the reason only. */
    @Transactional
    public void reject(String changeId, String kind, String reason, RecordPosition position, Instant now) {
        jdbc.update("insert into directory_change_rejected (change_id, kind, reason, source_topic, source_partition,"
                        + " source_offset, rejected_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                changeId, kind, reason, position.topic(), position.partition(), position.offset(), Timestamp.from(now));
        log.warn("Directory change {} at {} rejected: {}", changeId, position, reason);
    }

    private void update(DirectoryChangeRules.Apply a, String person, DirectoryChanged change, Instant now) {
        Timestamp at = Timestamp.from(now);
        String org = a.organisationId();
        OrganisationKind kind = a.link();
        if (kind == OrganisationKind.SCHOOL) {
            // enrolled at a school: no longer educated at home
            jdbc.update("update child set school_org_id = ?, home_educated = home_educated and ?::text is null,"
                    + " updated_at = ? where id = ?", org, org, at, person);
        } else if (kind == OrganisationKind.LOCAL_AUTHORITY) {
            // the local authority's link is set by home education starting (its officer is told in place of a school)
            jdbc.update("update child set home_educated = ?, local_authority_org_id = coalesce(?,"
                    + " local_authority_org_id), updated_at = ? where id = ?", org != null, org, at, person);
        } else if (kind == OrganisationKind.PROBATION) {
            jdbc.update("update adult set probation_org_id = ?, probation_case_reference = ?,"
                    + " updated_at = ? where id = ?", org, org == null ? null : change.getCaseReference(), at, person);
        } else {
            // any other link of a child's record: its column, named by the kind's declaration (never by the record)
            jdbc.update("update child set " + kind.link().column() + " = ?, updated_at = ? where id = ?", org, at, person);
        }
    }

    /** The person by directory id, else by an identifier naming exactly one. */
    private Optional<String> person(DirectoryChanged change, PersonKind kind) {
        String table = kind == PersonKind.CHILD ? "child" : "adult";
        String id = blankToNull(kind == PersonKind.CHILD ? change.getChildId() : change.getAdultId());
        if (id != null) {
            Boolean exists = jdbc.queryForObject("select exists (select 1 from " + table + " where id = ?)",
                    Boolean.class, id);
            return Boolean.TRUE.equals(exists) ? Optional.of(id) : Optional.empty();
        }
        PersonIdentifier identifier = change.getIdentifier();
        if (identifier == null || identifier.getValue() == null) {
            return Optional.empty();
        }
        boolean fits = kind == PersonKind.CHILD ? CHILD_SCHEMES.contains(identifier.getScheme())
                : identifier.getScheme() == IdentifierScheme.PNC_ID;
        if (!fits) {
            return Optional.empty();
        }
        List<String> found = jdbc.queryForList("select " + table + "_id from " + table + "_identifier"
                        + " where scheme = ? and value = ?", String.class, identifier.getScheme().name(),
                Names.normaliseIdentifier(identifier.getValue()));
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
