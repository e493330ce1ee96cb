package uk.safeguarding.notification.routing.matching;

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
 * The keys a directory is queried by to fetch candidates for an incident child cheaply. Each key is selective on its
 * own (a handful of children even in a directory of a million), because a batch of 500 incidents must fetch its
 * candidates in one indexed query:
 * <ul>
 * <li>{@code UPN}, {@code NHS_NUMBER}: the identifiers;</li>
 * <li>{@code FULL_NAME}: normalised given and family name (finds a child whose date of birth is wrong or missing);</li>
 * <li>{@code INITIAL_DOB}: the given name's first letter (of each part) and the date of birth; an incident child
 * also asks with the day/month swap and with the initials of the known variants of its given name ("Bill" asks
 * under W for William), so a typo in the given name, a nickname or a different family name still finds the child;</li>
 * <li>{@code SOUNDEX_INITIAL_YEAR}: the family name's Soundex (and each part of a double-barrelled one) with a given-name
 * initial (the incident child's and its variants', as above) and the birth year (finds a misspelled family name, a
 * swapped or mistyped day and month);</li>
 * <li>{@code POSTCODE}: the home postcode (finds a child reported without a date of birth).</li>
 * </ul>
 * A directory child is indexed under the same kinds ({@link #forDirectoryChild}). Not covered (never a candidate):
 * a child whose every key differs, e.g. a different initial and no date of birth and another postcode; such a
 * child could not reach the review threshold anyway.
 */
public final class BlockingKeys {

    public enum Kind { UPN, NHS_NUMBER, FULL_NAME, INITIAL_DOB, SOUNDEX_INITIAL_YEAR, POSTCODE }

    /** One key; {@link #toString} ("KIND:value") is how the directory stores it. */
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
        return forIncidentChild(child, Nicknames.defaults());
    }

    static Set<Key> forIncidentChild(ChildDetails child, Nicknames nicknames) {
        Set<Key> keys = common(child);
        Set<Character> initials = initials(child.givenName());
        for (String variant : nicknames.variantsOf(child.givenName())) {
            if (!variant.isEmpty()) {
                initials.add(variant.charAt(0));
            }
        }
        soundexKeys(child, initials, keys);
        LocalDate swapped = MatchText.swapDayAndMonth(child.dateOfBirth());
        for (Character initial : initials) {
            if (child.dateOfBirth() != null) {
                keys.add(new Key(Kind.INITIAL_DOB, initial + "|" + child.dateOfBirth()));
            }
            if (swapped != null) {
                keys.add(new Key(Kind.INITIAL_DOB, initial + "|" + swapped));
            }
        }
        return keys;
    }

    /** The keys a directory child is indexed under. */
    public static Set<Key> forDirectoryChild(ChildDetails child) {
        Set<Key> keys = common(child);
        soundexKeys(child, initials(child.givenName()), keys);
        if (child.dateOfBirth() != null) {
            for (Character initial : initials(child.givenName())) {
                keys.add(new Key(Kind.INITIAL_DOB, initial + "|" + child.dateOfBirth()));
            }
        }
        return keys;
    }

    /**
     * SOUNDEX_INITIAL_YEAR keys: the family name's Soundex (and each part of a double-barrelled one), a given-name
     * initial and the birth year. The initial keeps the block small in a large directory (Soundex and year alone put
     * about fifty children, and up to a thousand, under one key in a directory of 200,000).
     */
    private static void soundexKeys(ChildDetails child, Set<Character> initials, Set<Key> keys) {
        if (child.dateOfBirth() == null) {
            return;
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
            String sdx = MatchText.soundex(f);
            if (!sdx.isEmpty()) {
                for (Character initial : initials) {
                    keys.add(new Key(Kind.SOUNDEX_INITIAL_YEAR, sdx + "|" + initial + "|" + child.dateOfBirth().getYear()));
                }
            }
        }
    }

    /** The values of each kind of key across a batch of incident children. */
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
        String given = MatchText.name(child.givenName());
        String family = MatchText.name(child.familyName());
        if (!given.isEmpty() && !family.isEmpty()) {
            keys.add(new Key(Kind.FULL_NAME, given + " " + family));
        }
        String postcode = MatchText.postcode(child.postcode());
        if (!postcode.isEmpty()) {
            keys.add(new Key(Kind.POSTCODE, postcode));
        }
        return keys;
    }

    /** First letters of the given name and of each of its parts ("Mary-Ann", "Anne Marie"). */
    private static Set<Character> initials(String givenName) {
        Set<Character> out = new LinkedHashSet<>();
        String whole = MatchText.name(givenName);
        if (!whole.isEmpty()) {
            out.add(whole.charAt(0));
        }
        for (String part : MatchText.nameParts(givenName)) {
            if (part.length() >= 3) {
                out.add(part.charAt(0));
            }
        }
        return out;
    }
}
