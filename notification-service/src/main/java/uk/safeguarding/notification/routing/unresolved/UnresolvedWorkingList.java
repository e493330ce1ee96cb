package uk.safeguarding.notification.routing.unresolved;

import uk.safeguarding.notification.shared.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.router.Deadlines;
import uk.safeguarding.notification.routing.calendar.SchoolCalendars;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.DirectoryService;
import uk.safeguarding.notification.routing.ledger.AlertLedger;
import uk.safeguarding.notification.routing.matching.BlockingKeys;
import uk.safeguarding.notification.routing.matching.Candidate;
import uk.safeguarding.notification.routing.matching.ChildDetails;
import uk.safeguarding.notification.routing.matching.FuzzyChildMatcher;
import uk.safeguarding.notification.routing.matching.MatchText;
import uk.safeguarding.notification.routing.router.ChildMatcher;
import uk.safeguarding.notification.shared.vocabulary.Names;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.notification.routing.pipeline.RoutingPipeline;
import uk.safeguarding.schemas.Topics;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local authority's working list of unresolved children: reading it, searching the directory for a child, and
 * resolving a child to a directory child (existing or created for it). A resolution routes the incident for that
 * child at once through the {@link RoutingPipeline} (same recipients, disclosure and deadline code as any incident), with the
 * deadline running from when the incident was first received; the alerts are ledgered, the row marked resolved and
 * the alerts published in a Kafka transaction, all before the database transaction commits (see
 * {@link ResolutionPublisher} for the order).
 */
@Service
public class UnresolvedWorkingList {

    private static final Logger log = LoggerFactory.getLogger(UnresolvedWorkingList.class);

    /** The ledger's "source" of alerts routed by a resolution: no Kafka record, the unresolved row's id. */
    public static final String RESOLUTION_SOURCE = "unresolved_child";

    /** Kinds told about the household once per incident revision, not per child. */
    private static final java.util.Set<uk.safeguarding.avro.AgencyKind> ONCE_PER_INCIDENT = java.util.EnumSet.of(
            uk.safeguarding.avro.AgencyKind.PROBATION, uk.safeguarding.avro.AgencyKind.CHILDRENS_SOCIAL_CARE);

    private final UnresolvedChildren rows;
    private final RoutingPipeline pipeline;
    private final DirectoryService directory;
    private final SchoolCalendars calendars;
    private final AlertLedger ledger;
    private final ResolutionPublisher publisher;
    private final JdbcTemplate jdbc;
    private final FuzzyChildMatcher matcher = ChildMatcher.DEFAULT_MATCHER;

    private final AuditTrail audit;

    private final Clock clock;

    public UnresolvedWorkingList(UnresolvedChildren rows, RoutingPipeline pipeline, DirectoryService directory,
                                 SchoolCalendars calendars, AlertLedger ledger, ResolutionPublisher publisher,
                                 JdbcTemplate jdbc, AuditTrail audit, Clock clock) {
        this.clock = clock;
        this.audit = audit;
        this.rows = rows;
        this.pipeline = pipeline;
        this.directory = directory;
        this.calendars = calendars;
        this.ledger = ledger;
        this.publisher = publisher;
        this.jdbc = jdbc;
    }

    /** A directory child offered for an unresolved one, with the matcher's score and reasons. */
    public record CandidateView(String childId, String givenName, String familyName, LocalDate dateOfBirth,
                                String postcode, String schoolId, String schoolName, String gpPracticeId,
                                String gpPracticeName, String healthVisitingTeamId, int score, List<String> reasons) {
    }

    /** One alert a resolution sent. */
    public record SentAlert(String alertId, String recipientOrganisationId, String recipientName, String kind,
                            Instant dueBy) {
    }

    /** What a resolution did: the row as it is now, and the alerts sent (none new when it had been sent before). */
    public record Resolved(UnresolvedChildView unresolved, List<SentAlert> alerts) {
    }

    /** Why a resolution was refused. */
    public static final class ResolutionRefused extends RuntimeException {
        public enum Why { NOT_FOUND, ALREADY_RESOLVED, NO_SUCH_CHILD, CHILD_ID_TAKEN, INCIDENT_NOT_KEPT, NO_LINKED_SERVICES }

        private final Why why;

        public ResolutionRefused(Why why, String message) {
            super(message);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    // ---- reading --------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<UnresolvedChildView> list(UnresolvedChildren.Status status, String incidentId,
                                          uk.safeguarding.avro.UnresolvedReason reason, int limit) {
        List<UnresolvedChildren.Row> found = rows.rows(status, incidentId, reason, limit);
        Deadlines deadlines = calendars.deadlinesFor(List.of());
        return found.stream().map(r -> UnresolvedChildView.of(r, dueBy(deadlines, r.receivedAt()))).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UnresolvedChildView> find(long id) {
        Deadlines deadlines = calendars.deadlinesFor(List.of());
        return rows.find(id).map(r -> UnresolvedChildView.of(r, dueBy(deadlines, r.receivedAt())));
    }

    /**
     * When the child's alerts are due had it been matched: the earliest a recipient's deadline can be, the start of
     * the next school day (the area's calendar) or the working-hours deadline, whichever comes first.
     */
    static Instant dueBy(Deadlines deadlines, Instant receivedAt) {
        Instant school = deadlines.dueBy(AgencyKind.SCHOOL, null, receivedAt);
        Instant other = deadlines.dueBy(AgencyKind.LOCAL_AUTHORITY, null, receivedAt);
        if (school == null) {
            return other;
        }
        return other == null || school.isBefore(other) ? school : other;
    }

    /** Directory children ranked for the unresolved child (the police's record, with what {@code q} names). */
    @Transactional(readOnly = true)
    public Optional<List<CandidateView>> candidates(long id, String q, int limit) {
        Optional<UnresolvedChildren.Row> row = rows.find(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        ChildUnresolved c = row.get().child();
        ChildDetails recorded = ChildDetails.of(c.getGivenName(), c.getFamilyName(), c.getDateOfBirth(), c.getPostcode());
        CandidateSearch.Query query = CandidateSearch.parse(q);
        List<ChildDetails> probes = query.probes(recorded);

        Set<String> keys = new LinkedHashSet<>();
        probes.forEach(probe -> BlockingKeys.forIncidentChild(probe).forEach(k -> keys.add(k.toString())));
        Set<String> ids = new LinkedHashSet<>();
        for (String typed : query.ids()) {
            ids.add(typed);
            ids.add(MatchText.identifier(typed));
        }
        Set<String> found = new LinkedHashSet<>(jdbc.query(
                "select child_id from child_blocking_key where key = any(?)"
                        + " union select id from child where id = any(?)"
                        + " union select child_id from child_identifier where value = any(?)",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", keys.toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", ids.toArray()));
                    ps.setArray(3, ps.getConnection().createArrayOf("text", ids.toArray()));
                }, (rs, n) -> rs.getString(1)));
        if (query.familyName() != null && !Names.normalise(query.familyName()).isEmpty()) {
            // a name typed into the box: every child whose normalised name contains it, however spelled elsewhere
            found.addAll(jdbc.queryForList("select id from child where normalised_name like ? limit 200", String.class,
                    "%" + Names.normalise(query.familyName()) + "%"));
        }
        Map<String, CandidateView> details = details(found);
        List<Candidate> candidates = new ArrayList<>();
        for (CandidateView v : details.values()) {
            candidates.add(new Candidate(v.childId(), ChildDetails.of(v.givenName(), v.familyName(), v.dateOfBirth(),
                    v.postcode())));
        }
        Map<String, String[]> identifiers = identifiers(details.keySet());
        List<Candidate> withIds = candidates.stream().map(cand -> {
            String[] i = identifiers.getOrDefault(cand.id(), new String[2]);
            return new Candidate(cand.id(), cand.details().withIdentifiers(i[0], i[1]));
        }).toList();
        return Optional.of(CandidateSearch.rank(probes, query.ids(), withIds, matcher, limit).stream()
                .map(r -> {
                    CandidateView v = details.get(r.candidate().id());
                    return new CandidateView(v.childId(), v.givenName(), v.familyName(), v.dateOfBirth(), v.postcode(),
                            v.schoolId(), v.schoolName(), v.gpPracticeId(), v.gpPracticeName(),
                            v.healthVisitingTeamId(), r.score(), r.reasons());
                }).toList());
    }

    private Map<String, CandidateView> details(Set<String> childIds) {
        Map<String, CandidateView> out = new LinkedHashMap<>();
        if (childIds.isEmpty()) {
            return out;
        }
        jdbc.query("select c.id, c.given_name, c.family_name, c.date_of_birth, c.postcode, c.school_org_id, s.name,"
                        + " c.gp_org_id, g.name, c.health_visiting_org_id from child c"
                        + " left join organisation s on s.id = c.school_org_id"
                        + " left join organisation g on g.id = c.gp_org_id where c.id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", childIds.toArray())),
                rs -> {
                    out.put(rs.getString(1), new CandidateView(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10), 0, List.of()));
                });
        return out;
    }

    private Map<String, String[]> identifiers(Set<String> childIds) {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (childIds.isEmpty()) {
            return out;
        }
        jdbc.query("select child_id, scheme, value from child_identifier where child_id = any(?)"
                        + " and scheme in ('UPN', 'NHS_NUMBER')",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", childIds.toArray())),
                rs -> {
                    String[] ids = out.computeIfAbsent(rs.getString(1), k -> new String[2]);
                    ids["UPN".equals(rs.getString(2)) ? 0 : 1] = rs.getString(3);
                });
        return out;
    }

    // ---- resolving ------------------------------------------------------------------------------------------------

    /**
     * Resolves row {@code id} to directory child {@code childId}, or to {@code newChild} created in the directory now
     * (exactly one of them), by {@code by}; routes the incident for that child at once.
     *
     * @throws ResolutionRefused when the row does not exist or is resolved already, the child does not exist, the
     *                           incident was not kept, or the child has no linked service to alert (nothing changes)
     */
    @Transactional
    public Resolved resolve(long id, String childId, DirectoryDocument.Child newChild, String by) {
        UnresolvedChildren.Row row = rows.lock(id).orElseThrow(() ->
                new ResolutionRefused(ResolutionRefused.Why.NOT_FOUND, "no unresolved child " + id));
        if (row.status() == UnresolvedChildren.Status.RESOLVED) {
            throw new ResolutionRefused(ResolutionRefused.Why.ALREADY_RESOLVED, "already resolved to directory child "
                    + row.resolvedChildId() + " by " + row.resolvedBy() + " at " + row.resolvedAt());
        }
        ChildUnresolved c = row.child();
        IncidentReported incident = rows.incident(c.getIncidentId(), c.getIncidentRevision()).orElseThrow(() ->
                new ResolutionRefused(ResolutionRefused.Why.INCIDENT_NOT_KEPT, "the incident of this row was recorded"
                        + " before incidents were kept with unresolved children; ask police to send it again"));
        UnresolvedChildren.Resolution resolution;
        String chosen;
        if (newChild != null) {
            if (directory.childExists(newChild.id())) {
                // creating must never overwrite a directory child: pick it instead
                throw new ResolutionRefused(ResolutionRefused.Why.CHILD_ID_TAKEN, "a directory child with id "
                        + newChild.id() + " exists already: choose it, or give the new child another id");
            }
            directory.upsertSingle(new DirectoryDocument(null, List.of(newChild), null, null)); // same transaction
            resolution = UnresolvedChildren.Resolution.NEW_CHILD;
            chosen = newChild.id();
        } else {
            resolution = UnresolvedChildren.Resolution.EXISTING_CHILD;
            chosen = childId;
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS); // as the batch router does
        if (!directory.childExists(chosen)) {
            throw new ResolutionRefused(ResolutionRefused.Why.NO_SUCH_CHILD, "no directory child " + chosen);
        }
        // the same pipeline as live routing (family history, concern rules, updates, the policy), for this one child
        RoutingPipeline.Routed routed = pipeline.route(List.of(new RoutingPipeline.Incident(incident, row.receivedAt(),
                ChildMatcher.confirmed(c.getChildIndex(), chosen))), List.of(chosen), now).get(0);
        if (routed.alerts().stream().noneMatch(a -> a.getChild().getChildId().equals(chosen))) {
            throw new ResolutionRefused(ResolutionRefused.Why.NO_LINKED_SERVICES, "directory child " + chosen
                    + " has no linked service to alert (school, GP, or health visiting under school age): link one first");
        }
        RecordPosition source = new RecordPosition(RESOLUTION_SOURCE, -1, id);
        List<AgencyAlert> fresh = new ArrayList<>();
        for (AgencyAlert alert : routed.alerts()) {
            // probation and children's social care hear once per incident revision and organisation (one alert about
            // the household): a child resolved later does not make them hear, and be asked, again
            if (ONCE_PER_INCIDENT.contains(alert.getRecipient().getKind())
                    && Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from alert_ledger"
                            + " where incident_id = ? and revision = ? and recipient_org_id = ?)", Boolean.class,
                    alert.getIncidentId(), alert.getIncidentRevision(), alert.getRecipient().getOrganisationId()))) {
                continue;
            }
            // the same incident, revision, child and recipient is never alerted twice (e.g. the child was also named
            // elsewhere in the incident and routed then)
            if (ledger.insertIfNew(new AlertLedger.Entry(alert, Topics.alerts(alert.getRecipient().getKind()).name(),
                    source))) {
                fresh.add(alert);
            }
        }
        audit.recordRouted(fresh, now); // the disclosures, in the same database transaction
        if (!rows.markResolved(id, resolution, chosen, by, now)) {
            throw new IllegalStateException("unresolved child " + id + " changed while locked");
        }
        publisher.publish(fresh); // the Kafka transaction commits here; a failure rolls the database back
        log.info("Unresolved child {} resolved ({}): {} alerts sent", id, resolution, fresh.size());
        UnresolvedChildView view2 = UnresolvedChildView.of(rows.find(id).orElseThrow(),
                dueBy(calendars.deadlinesFor(List.of()), row.receivedAt()));
        return new Resolved(view2, fresh.stream().map(a -> new SentAlert(a.getAlertId(),
                a.getRecipient().getOrganisationId(), a.getRecipient().getOrganisationName(),
                a.getRecipient().getKind().name(), a.getDueBy())).toList());
    }
}
