package uk.safeguarding.notification.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a directory is queried by to fetch candidates for an incident child cheaply: identifiers, date of birth
 * and its day/month swap, normalised family name (and each part of a double-barrelled one), the family name's
 * Soundex, and the postcode. A directory child is indexed under the same kinds of key ({@link #forDirectoryChild});
 * an incident child's keys ({@link #forIncidentChild}) add the swapped date of birth. For a batch,
 * {@link #byKind} gathers the values of each kind so a whole batch takes one query per kind.
 *
 * <p>Not covered by any key (so never a candidate): a child with another family name that does not sound alike, no
 * date of birth (or one with a digit typo) and another postcode; such a child could not reach the match threshold
 * anyway.
 */
public final class BlockingKeys {

    public enum Kind { UPN, NHS_NUMBER, DATE_OF_BIRTH, FAMILY_NAME, FAMILY_SOUNDEX, POSTCODE }

    public record Key(Kind kind, String value) {
        @Override
        public String toString() {
            return kind + ":" + value;
        }
    }

    private BlockingKeys() {
    }

    /** The keys to look candidates up by for the child an incident names. */
    public static Set<Key> forIncidentChild(ChildDetails child) {
        Set<Key> keys = common(child);
        LocalDate swapped = MatchText.swapDayAndMonth(child.dateOfBirth());
        if (swapped != null) {
            keys.add(new Key(Kind.DATE_OF_BIRTH, swapped.toString()));
        }
        return keys;
    }

    /** The keys a directory child is indexed under. */
    public static Set<Key> forDirectoryChild(ChildDetails child) {
        return common(child);
    }

    /** The values of each kind of key across a batch of incident children: one directory query per kind. */
    public static Map<Kind, Set<String>> byKind(Collection<ChildDetails> batch) {
        Map<Kind, Set<String>> out = new EnumMap<>(Kind.class);
        for (ChildDetails child : batch) {
            for (Key k : forIncidentChild(child)) {
                out.computeIfAbsent(k.kind(), x -> new TreeSet<>()).add(k.value());
            }
        }
        return out;
    }

    private static Set<Key> common(ChildDetails child) {
        Set<Key> keys = new LinkedHashSet<>();
        String upn = MatchText.identifier(child.upn());
        if (!upn.isEmpty()) {
            keys.add(new Key(Kind.UPN, upn));
        }
        String nhs = MatchText.identifier(child.nhsNumber());
        if (!nhs.isEmpty()) {
            keys.add(new Key(Kind.NHS_NUMBER, nhs));
        }
        if (child.dateOfBirth() != null) {
            keys.add(new Key(Kind.DATE_OF_BIRTH, child.dateOfBirth().toString()));
        }
        List<String> families = new ArrayList<>();
        String family = MatchText.name(child.familyName());
        if (!family.isEmpty()) {
            families.add(family);
        }
        List<String> parts = MatchText.nameParts(child.familyName());
        if (parts.size() > 1) {
            parts.stream().filter(p -> p.length() >= 3).forEach(families::add);
        }
        for (String f : families) {
            keys.add(new Key(Kind.FAMILY_NAME, f));
        }
        for (String f : families) {
            String sdx = Soundex.of(f);
            if (!sdx.isEmpty()) {
                keys.add(new Key(Kind.FAMILY_SOUNDEX, sdx));
            }
        }
        String postcode = MatchText.postcode(child.postcode());
        if (!postcode.isEmpty()) {
            keys.add(new Key(Kind.POSTCODE, postcode));
        }
        return keys;
    }
}
