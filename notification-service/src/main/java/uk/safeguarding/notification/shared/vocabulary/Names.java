package uk.safeguarding.notification.shared.vocabulary;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Normalised names and identifiers for exact matching: case, accents, spaces, hyphens and apostrophes do not count
 * ("Zoë Smith-Jones" and "ZOE SMITHJONES" match), everything else does.
 */
public final class Names {

    private Names() {
    }

    /** Lower case, accents removed, only letters and digits kept. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(cp -> {
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                return;
            }
            if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** The normalised full name held in the directory for matching: given and family name, normalised. */
    public static String normalisedFullName(String givenName, String familyName) {
        return normalise(givenName) + "|" + normalise(familyName);
    }

    /** Key of a person by normalised name and date of birth; null without a date of birth (no match by name alone). */
    public static String nameAndBirthKey(String givenName, String familyName, LocalDate dateOfBirth) {
        if (dateOfBirth == null) {
            return null;
        }
        return normalisedFullName(givenName, familyName) + "|" + dateOfBirth;
    }

    /** Identifiers as issued, without spaces, upper case (NHS numbers are often written "943 476 5919"). */
    public static String normaliseIdentifier(String value) {
        if (value == null) {
            return "";
        }
        return value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
