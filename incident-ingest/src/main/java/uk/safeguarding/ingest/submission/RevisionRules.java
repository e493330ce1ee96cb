package uk.safeguarding.ingest.submission;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a submission of one revision of a police incident means, given the revisions already accepted for the
 * same police reference. Kept free of framework code so the rules read (and are tested) on their own.
 *
 * <ul>
 *   <li>the same revision with the same content again: a retry, already accepted, publish nothing;</li>
 *   <li>the same revision with different content: a conflict (a force must raise the revision to change a report);</li>
 *   <li>a revision older than the newest accepted: a conflict (it would overwrite newer information downstream);</li>
 *   <li>otherwise (first revision, or newer than all accepted; gaps allowed): publish.</li>
 * </ul>
 * A retry of an older revision that was accepted earlier is still answered as already accepted, not as a conflict:
 * idempotency wins, so a force's retry loop never sees a spurious failure.
 */
public final class RevisionRules {

    private RevisionRules() {
    }

    /** A revision accepted earlier, with the fingerprint of its content. */
    public record AcceptedRevision(int revision, String fingerprint) {
        public AcceptedRevision {
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    public sealed interface Decision permits Publish, AlreadyAccepted, ConflictingContent, StaleRevision {
    }

    /** Publish this revision; it supersedes {@code supersedes} if present. */
    public record Publish(int revision, Optional<Integer> supersedes) implements Decision {
    }

    public record AlreadyAccepted(int revision) implements Decision {
    }

    /** The revision was accepted before with different content. */
    public record ConflictingContent(int revision) implements Decision {
    }

    /** A newer revision is already accepted. */
    public record StaleRevision(int revision, int latestRevision) implements Decision {
    }

    public static Decision decide(Collection<AcceptedRevision> accepted, int revision, String fingerprint) {
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be at least 1, was " + revision);
        }
        Objects.requireNonNull(fingerprint, "fingerprint");
        Optional<AcceptedRevision> same = accepted.stream().filter(a -> a.revision() == revision).findFirst();
        if (same.isPresent()) {
            return same.get().fingerprint().equals(fingerprint)
                    ? new AlreadyAccepted(revision)
                    : new ConflictingContent(revision);
        }
        Optional<Integer> latest = accepted.stream().map(AcceptedRevision::revision).max(Integer::compare);
        if (latest.isPresent() && latest.get() > revision) {
            return new StaleRevision(revision, latest.get());
        }
        return new Publish(revision, latest);
    }
}
