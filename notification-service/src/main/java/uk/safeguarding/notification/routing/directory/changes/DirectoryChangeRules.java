package uk.safeguarding.notification.routing.directory.changes;

import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import java.time.Instant;
import java.util.Optional;

/**
 * What a directory change does, with no framework: which person it is about, which link it sets and to what kind of
 * organisation, and whether it applies, is stale, or is rejected. Changes to one person's one link apply in effective
 * order: a change older than the last one applied to that link is stale and ignored (a late census record must not
 * undo a newer school move). Opening and closing a probation case set the same link.
 */
public final class DirectoryChangeRules {

    private DirectoryChangeRules() {
    }

    /** Whose record a change updates. */
    public enum PersonKind { CHILD, ADULT }

    /**
     * The link a change sets: the organisation kind whose declaration lists the change ({@link OrganisationKind#link()}),
     * or empty for a kind this reader does not know (UNKNOWN): rejected, never guessed.
     */
    public static Optional<OrganisationKind> linkOf(DirectoryChangeKind kind) {
        return OrganisationKind.settingLink(kind);
    }

    /** Whose record carries a kind's link. */
    public static PersonKind personOf(OrganisationKind link) {
        return link.link().on() == OrganisationKind.Link.On.ADULT ? PersonKind.ADULT : PersonKind.CHILD;
    }

    /** The decision about one change. */
    public sealed interface Decision permits Apply, Stale, Reject {
    }

    /** Set the link to an organisation of this kind (null: remove it). */
    public record Apply(OrganisationKind link, String organisationId) implements Decision {
    }

    /** Older than the last change applied to the same link of the same person: ignored. */
    public record Stale(Instant lastApplied) implements Decision {
    }

    /** Cannot be applied; the reason in words, without personal data. */
    public record Reject(String reason) implements Decision {
    }

    /**
     * @param kind             the change's kind
     * @param organisationId   the organisation the change names (null: remove the link)
     * @param organisationKind the kind of that organisation in the directory, null if the directory has none
     * @param personFound      whether the person was found (by directory id or identifier)
     * @param effectiveAt      when the change took effect at the source
     * @param lastApplied      the effective time of the last change applied to this person's link, null if none
     */
    public static Decision decide(DirectoryChangeKind kind, String organisationId, OrganisationKind organisationKind,
                                  boolean personFound, Instant effectiveAt, Instant lastApplied) {
        Optional<OrganisationKind> link = linkOf(kind);
        if (link.isEmpty()) {
            return new Reject("unknown kind of change " + kind);
        }
        if (!personFound) {
            return new Reject("no " + personOf(link.get()).name().toLowerCase() + " in the directory with the given id or identifier");
        }
        boolean closing = kind == DirectoryChangeKind.PROBATION_CASE_CLOSED;
        String target = closing ? null : organisationId;
        if (kind == DirectoryChangeKind.PROBATION_CASE_OPENED && target == null) {
            return new Reject("a probation case opened names no probation delivery unit");
        }
        if (target != null) {
            if (organisationKind == null) {
                return new Reject("no organisation with id " + target);
            }
            if (organisationKind != link.get()) {
                return new Reject("organisation " + target + " is a " + organisationKind + ", not a " + link.get());
            }
        }
        if (lastApplied != null && effectiveAt.isBefore(lastApplied)) {
            return new Stale(lastApplied);
        }
        return new Apply(link.get(), target);
    }
}
