package uk.safeguarding.notification.routing;

import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.PersonIdentifier;
import uk.safeguarding.avro.UnresolvedReason;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the directory child an incident names: exact identifiers first (UPN, NHS number); only when no identifier
 * matches, the exact normalised given and family name with the date of birth. One candidate is a match; none is
 * {@code NO_MATCH}; several (or identifiers naming different children) is {@code AMBIGUOUS_MATCH}.
 */
public final class ChildMatcher {

    /** The identifier schemes that identify a child for matching. */
    public static final Set<IdentifierScheme> CHILD_SCHEMES = Set.of(IdentifierScheme.UPN, IdentifierScheme.NHS_NUMBER);

    private ChildMatcher() {
    }

    public sealed interface Result permits Matched, Unmatched {
    }

    public record Matched(DirectoryView.Child child, String matchedBy) implements Result {
    }

    public record Unmatched(UnresolvedReason reason, String detail) implements Result {
    }

    public static Result match(IncidentChild child, DirectoryView directory) {
        Set<String> byIdentifier = new LinkedHashSet<>();
        for (PersonIdentifier id : child.getIdentifiers()) {
            if (CHILD_SCHEMES.contains(id.getScheme())) {
                byIdentifier.addAll(directory.childIdsByIdentifier().getOrDefault(
                        DirectoryView.identifierKey(id.getScheme().name(), id.getValue()), List.of()));
            }
        }
        if (byIdentifier.size() == 1) {
            return matched(byIdentifier.iterator().next(), "identifier", directory);
        }
        if (byIdentifier.size() > 1) {
            return new Unmatched(UnresolvedReason.AMBIGUOUS_MATCH,
                    "identifiers match " + byIdentifier.size() + " directory children");
        }
        String key = Names.nameAndBirthKey(child.getGivenName(), child.getFamilyName(), child.getDateOfBirth());
        if (key == null) {
            return new Unmatched(UnresolvedReason.NO_MATCH,
                    "no identifier matched and no date of birth to match the name with");
        }
        Set<String> byName = new LinkedHashSet<>(directory.childIdsByNameAndBirth().getOrDefault(key, List.of()));
        if (byName.size() == 1) {
            return matched(byName.iterator().next(), "name and date of birth", directory);
        }
        if (byName.size() > 1) {
            return new Unmatched(UnresolvedReason.AMBIGUOUS_MATCH,
                    "name and date of birth match " + byName.size() + " directory children");
        }
        return new Unmatched(UnresolvedReason.NO_MATCH, "no directory child matches the identifiers or name and date of birth");
    }

    private static Result matched(String childId, String by, DirectoryView directory) {
        DirectoryView.Child found = directory.children().get(childId);
        if (found == null) {
            // an identifier row without its child: treat as no match rather than guess
            return new Unmatched(UnresolvedReason.NO_MATCH, "directory entry " + childId + " not found");
        }
        return new Matched(found, by);
    }
}
