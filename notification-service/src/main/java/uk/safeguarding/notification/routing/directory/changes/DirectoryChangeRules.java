package uk.safeguarding.notification.routing.directory.changes;

import uk.safeguarding.avro.DirectoryChangeKind;
import uk.safeguarding.notification.routing.directory.OrganisationKind;

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

    /** The link a kind of change sets, the person it belongs to and the organisation kind it must name. */
    public enum Link {
        SCHOOL("school", PersonKind.CHILD, OrganisationKind.SCHOOL),
        GP("gp", PersonKind.CHILD, OrganisationKind.GP),
        HEALTH_VISITING("health-visiting", PersonKind.CHILD, OrganisationKind.HEALTH_VISITING),
        EARLY_YEARS("early-years", PersonKind.CHILD, OrganisationKind.EARLY_YEARS),
        COLLEGE("college", PersonKind.CHILD, OrganisationKind.COLLEGE),
        HOME_EDUCATION("home-education", PersonKind.CHILD, OrganisationKind.LOCAL_AUTHORITY),
        PROBATION("probation", PersonKind.ADULT, OrganisationKind.PROBATION);

        private final String key;
        private final PersonKind person;
        private final OrganisationKind organisationKind;

        Link(String key, PersonKind person, OrganisationKind organisationKind) {
            this.key = key;
            this.person = person;
            this.organisationKind = organisationKind;
        }

        public String key() {
            return key;
        }

        public PersonKind person() {
            return person;
        }

        public OrganisationKind organisationKind() {
            return organisationKind;
        }
    }

    /** The link a kind sets, or empty for a kind this reader does not know (UNKNOWN): rejected, never guessed. */
    public static Optional<Link> linkOf(DirectoryChangeKind kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (kind) {
            case SCHOOL_CHANGED -> Link.SCHOOL;
            case GP_REGISTERED -> Link.GP;
            case HEALTH_VISITING_CHANGED -> Link.HEALTH_VISITING;
            case EARLY_YEARS_CHANGED -> Link.EARLY_YEARS;
            case COLLEGE_CHANGED -> Link.COLLEGE;
            case HOME_EDUCATED -> Link.HOME_EDUCATION;
            case PROBATION_CASE_OPENED, PROBATION_CASE_CLOSED -> Link.PROBATION;
            case UNKNOWN -> null;
        });
    }

    /** The decision about one change. */
    public sealed interface Decision permits Apply, Stale, Reject {
    }

    /** Set the link to the organisation (null: remove it). */
    public record Apply(Link link, String organisationId) implements Decision {
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
        Optional<Link> link = linkOf(kind);
        if (link.isEmpty()) {
            return new Reject("unknown kind of change " + kind);
        }
        if (!personFound) {
            return new Reject("no " + link.get().person().name().toLowerCase() + " in the directory with the given id or identifier");
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
            if (organisationKind != link.get().organisationKind()) {
                return new Reject("organisation " + target + " is a " + organisationKind + ", not a "
                        + link.get().organisationKind());
            }
        }
        if (lastApplied != null && effectiveAt.isBefore(lastApplied)) {
            return new Stale(lastApplied);
        }
        return new Apply(link.get(), target);
    }
}
