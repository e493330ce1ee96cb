package uk.safeguarding.ingest.submission;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.ingest.publishing.IncidentPublisher;
import uk.safeguarding.ingest.store.IncidentRecord;
import uk.safeguarding.ingest.store.IncidentRepository;
import uk.safeguarding.ingest.store.SubmissionRecord;
import uk.safeguarding.ingest.store.SubmissionRepository;
import uk.safeguarding.ingest.store.SubmissionStatus;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.schemas.contract.FieldProblem;
import uk.safeguarding.schemas.contract.IncidentContract;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Accepts a validated submission: decides (through {@link RevisionRules}) whether it is new, a retry or a conflict,
 * publishes new revisions and records them.
 *
 * <p>Why the publish happens inside the database transaction, with the incident row locked: the row lock serialises
 * submissions of the same incident, so a retry racing its original waits and then sees it as already accepted
 * instead of publishing twice; and the submission row is written only after the broker acknowledged, in the same
 * transaction, so a failed publish rolls everything back and leaves nothing "accepted" (a retry then publishes).
 * The one gap left is a commit failing after the broker acknowledged: the force's retry publishes the revision a
 * second time (at-least-once; consumers treat incidentId + revision as idempotent). Holding a connection for up to
 * the send timeout is acceptable at the volumes expected (thousands of incidents a day, not a second).
 */
@Service
public class SubmissionService {

    private static final Logger log = LoggerFactory.getLogger(SubmissionService.class);

    private final IncidentRepository incidents;
    private final SubmissionRepository submissions;
    private final IncidentPublisher publisher;
    private final IncidentAvroMapper mapper = new IncidentAvroMapper();
    private final Clock clock;

    public SubmissionService(IncidentRepository incidents, SubmissionRepository submissions,
                             IncidentPublisher publisher, Clock clock) {
        this.incidents = incidents;
        this.submissions = submissions;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What became of a submission that was not refused. */
    public record Outcome(String incidentId, int revision, boolean newlyAccepted) {
    }

    @Transactional
    public Outcome submit(IncidentSubmission submission, String clientId) {
        Instant receivedAt = clock.instant();
        String incidentId = IncidentIds.forPoliceReference(submission.forceCode(), submission.policeReference());
        int revision = submission.revisionOrDefault();
        String fingerprint = PayloadFingerprint.of(submission);
        // the one input contract, as notification-service applies it to every record it reads: what passes here
        // is never dead-lettered there
        IncidentReported record = mapper.toAvro(submission, incidentId,
                submission.reportedAt() != null ? submission.reportedAt() : receivedAt);
        List<FieldProblem> problems = IncidentContract.check(record, receivedAt);
        if (!problems.isEmpty()) {
            throw new ContractViolationException(problems);
        }

        incidents.insertIfAbsent(incidentId, submission.forceCode(), submission.policeReference(), receivedAt);
        IncidentRecord incident = incidents.findByIdForUpdate(incidentId)
                .orElseThrow(() -> new IllegalStateException("incident row vanished: " + incidentId));
        List<RevisionRules.AcceptedRevision> accepted = submissions.findByIncidentIdOrderByRevision(incidentId).stream()
                .map(s -> new RevisionRules.AcceptedRevision(s.revision(), s.payloadSha256()))
                .toList();

        RevisionRules.Decision decision = RevisionRules.decide(accepted, revision, fingerprint);
        if (decision instanceof RevisionRules.AlreadyAccepted) {
            log.info("Incident {} revision {} of force {} already accepted: not published again", incidentId,
                    revision, submission.forceCode());
            return new Outcome(incidentId, revision, false);
        }
        if (decision instanceof RevisionRules.ConflictingContent) {
            log.info("Incident {} revision {} of force {} refused: accepted before with different content",
                    incidentId, revision, submission.forceCode());
            throw new RevisionConflictException(RevisionConflictException.Kind.CONFLICTING_CONTENT, incidentId, revision,
                    incident.latestRevision(),
                    "Revision " + revision + " of this incident was already accepted with different content; "
                            + "submit changes as a higher revision.");
        }
        if (decision instanceof RevisionRules.StaleRevision stale) {
            log.info("Incident {} revision {} of force {} refused: revision {} already accepted", incidentId,
                    revision, submission.forceCode(), stale.latestRevision());
            throw new RevisionConflictException(RevisionConflictException.Kind.STALE_REVISION, incidentId, revision,
                    stale.latestRevision(),
                    "A newer revision (" + stale.latestRevision() + ") of this incident was already accepted.");
        }
        RevisionRules.Publish publish = (RevisionRules.Publish) decision;
        publisher.publish(record); // throws if the broker did not acknowledge: the transaction rolls back
        Instant publishedAt = clock.instant();
        submissions.save(new SubmissionRecord(null, incidentId, submission.forceCode(), submission.policeReference(),
                revision, SubmissionStatus.PUBLISHED, fingerprint, receivedAt, publishedAt, clientId));
        submissions.markSupersededBelow(incidentId, revision);
        incidents.update(incidentId, revision, publishedAt);
        log.info("Incident {} revision {} of force {} accepted from client {}{}", incidentId, revision,
                submission.forceCode(), clientId, publish.supersedes().map(r -> ", superseding revision " + r).orElse(""));
        return new Outcome(incidentId, revision, true);
    }

    /** The incident and its accepted revisions, oldest first, if any revision was accepted. */
    @Transactional(readOnly = true)
    public Optional<IncidentHistory> history(String incidentId) {
        return incidents.findById(incidentId)
                .filter(i -> i.latestRevision() > 0)
                .map(i -> new IncidentHistory(i, submissions.findByIncidentIdOrderByRevision(incidentId)));
    }

    public record IncidentHistory(IncidentRecord incident, List<SubmissionRecord> revisions) {
    }
}
