package uk.safeguarding.notification.routing.matching;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Deterministic (seeded) police-style reports of children of a {@link SyntheticDirectory}, each with one kind of
 * noise (or two, {@link Noise#COMBINED}), plus children who are not in the directory: new households, and extra
 * siblings (some twins) of directory households, who share family name, postcode and sometimes date of birth with
 * a directory child. Independently, a third of reports are written differently (upper case, no accents, hyphens
 * as spaces).
 */
public final class SyntheticReports {

    public enum Noise {
        CLEAN, GIVEN_TYPO, FAMILY_TYPO, NICKNAME, DOB_SWAPPED, DOB_DIGIT, DOB_MISSING, MOVED, POSTCODE_MISSING,
        FAMILY_CHANGED, WITH_UPN, WRONG_UPN, COMBINED, NOT_IN_DIRECTORY_NEW_FAMILY, NOT_IN_DIRECTORY_SIBLING
    }

    /** A report of a child: what the police wrote, and the directory child it really is (null when none). */
    public record Report(ChildDetails child, String truthId, Noise noise) {
    }

    private static final String KEYBOARD = "qwertyuiopasdfghjklzxcvbnm";

    private final SyntheticDirectory directory;
    private final Random random;
    private final Nicknames nicknames;

    private SyntheticReports(SyntheticDirectory directory, long seed) {
        this.directory = directory;
        this.random = new Random(seed);
        this.nicknames = Nicknames.defaults();
    }

    public static List<Report> generate(SyntheticDirectory directory, long seed, int count) {
        SyntheticReports g = new SyntheticReports(directory, seed);
        List<Report> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(g.next());
        }
        return out;
    }

    private Report next() {
        int r = random.nextInt(100);
        Noise noise;
        if (r < 5) {
            noise = Noise.NOT_IN_DIRECTORY_NEW_FAMILY;
        } else if (r < 10) {
            noise = Noise.NOT_IN_DIRECTORY_SIBLING;
        } else if (r < 30) {
            noise = Noise.CLEAN;
        } else {
            Noise[] noisy = {Noise.GIVEN_TYPO, Noise.FAMILY_TYPO, Noise.NICKNAME, Noise.DOB_SWAPPED, Noise.DOB_DIGIT,
                    Noise.DOB_MISSING, Noise.MOVED, Noise.POSTCODE_MISSING, Noise.FAMILY_CHANGED, Noise.WITH_UPN,
                    Noise.WRONG_UPN, Noise.COMBINED};
            noise = noisy[random.nextInt(noisy.length)];
        }
        if (noise == Noise.NOT_IN_DIRECTORY_NEW_FAMILY) {
            String given = SyntheticDirectory.freshGivenName(random, List.of(), nicknames);
            ChildDetails c = new ChildDetails(given, SyntheticDirectory.family(random),
                    random.nextInt(100) < 85 ? directory.dateOfBirth(random) : null,
                    SyntheticDirectory.postcode(random), null, null);
            return new Report(restyle(c), null, noise);
        }
        if (noise == Noise.NOT_IN_DIRECTORY_SIBLING) {
            List<SyntheticDirectory.Household> hs = directory.households();
            SyntheticDirectory.Household h = hs.get(random.nextInt(hs.size()));
            List<String> taken = h.children().stream().map(c -> c.details().givenName()).toList();
            String given = SyntheticDirectory.freshGivenName(random, taken, nicknames);
            Candidate sibling = h.children().get(random.nextInt(h.children().size()));
            LocalDate dob = random.nextInt(100) < 30 ? sibling.details().dateOfBirth() // a twin not in the directory
                    : directory.dateOfBirth(random);
            ChildDetails c = new ChildDetails(given, sibling.details().familyName(),
                    random.nextInt(100) < 85 ? dob : null, h.postcode(), null, null);
            return new Report(restyle(c), null, noise);
        }
        Candidate truth;
        ChildDetails c;
        if (noise == Noise.NICKNAME) {
            // pick a child whose given name has a known variant
            do {
                truth = any();
            } while (nicknames.variantsOf(truth.details().givenName()).isEmpty());
        } else {
            truth = any();
        }
        c = stripIdentifiers(truth.details());
        if (noise == Noise.COMBINED) {
            Noise[] parts = {Noise.GIVEN_TYPO, Noise.FAMILY_TYPO, Noise.DOB_SWAPPED, Noise.DOB_DIGIT, Noise.DOB_MISSING,
                    Noise.MOVED, Noise.POSTCODE_MISSING, Noise.FAMILY_CHANGED};
            Noise a = parts[random.nextInt(parts.length)];
            Noise b;
            do {
                b = parts[random.nextInt(parts.length)];
            } while (b == a);
            c = apply(b, apply(a, c, truth), truth);
        } else {
            c = apply(noise, c, truth);
        }
        return new Report(restyle(c), truth.id(), noise);
    }

    private Candidate any() {
        List<Candidate> all = directory.children();
        return all.get(random.nextInt(all.size()));
    }

    private static ChildDetails stripIdentifiers(ChildDetails d) {
        return d.withIdentifiers(null, null);
    }

    private ChildDetails apply(Noise noise, ChildDetails c, Candidate truth) {
        return switch (noise) {
            case GIVEN_TYPO -> new ChildDetails(typo(c.givenName()), c.familyName(), c.dateOfBirth(), c.postcode(),
                    c.upn(), c.nhsNumber());
            case FAMILY_TYPO -> new ChildDetails(c.givenName(), typo(c.familyName()), c.dateOfBirth(), c.postcode(),
                    c.upn(), c.nhsNumber());
            case NICKNAME -> {
                List<String> variants = nicknames.variantsOf(c.givenName());
                String v = variants.get(random.nextInt(variants.size()));
                yield new ChildDetails(Character.toUpperCase(v.charAt(0)) + v.substring(1), c.familyName(),
                        c.dateOfBirth(), c.postcode(), c.upn(), c.nhsNumber());
            }
            case DOB_SWAPPED -> {
                LocalDate swapped = MatchText.swapDayAndMonth(c.dateOfBirth());
                yield swapped == null ? c : new ChildDetails(c.givenName(), c.familyName(), swapped, c.postcode(),
                        c.upn(), c.nhsNumber());
            }
            case DOB_DIGIT -> new ChildDetails(c.givenName(), c.familyName(), digitTypo(c.dateOfBirth()),
                    c.postcode(), c.upn(), c.nhsNumber());
            case DOB_MISSING -> new ChildDetails(c.givenName(), c.familyName(), null, c.postcode(), c.upn(),
                    c.nhsNumber());
            case MOVED -> {
                // the directory holds the old postcode; the police the new one (sometimes nearby)
                String moved = SyntheticDirectory.postcode(random);
                if (random.nextBoolean()) {
                    String outward = MatchText.outwardCode(c.postcode());
                    moved = outward + " " + moved.substring(moved.length() - 3);
                }
                yield new ChildDetails(c.givenName(), c.familyName(), c.dateOfBirth(), moved, c.upn(), c.nhsNumber());
            }
            case POSTCODE_MISSING -> new ChildDetails(c.givenName(), c.familyName(), c.dateOfBirth(), null, c.upn(),
                    c.nhsNumber());
            case FAMILY_CHANGED -> new ChildDetails(c.givenName(), SyntheticDirectory.family(random), c.dateOfBirth(),
                    c.postcode(), c.upn(), c.nhsNumber());
            case WITH_UPN -> truth.details().upn() == null ? c : c.withIdentifiers(truth.details().upn(), null);
            case WRONG_UPN -> truth.details().upn() == null ? c
                    : c.withIdentifiers(digitTypo(truth.details().upn()), null);
            default -> c;
        };
    }

    private String typo(String name) {
        if (name.length() < 3) {
            return name;
        }
        StringBuilder s = new StringBuilder(name);
        int i = 1 + random.nextInt(name.length() - 1); // police rarely get the first letter wrong
        switch (random.nextInt(4)) {
            case 0 -> s.setCharAt(i, KEYBOARD.charAt(random.nextInt(KEYBOARD.length()))); // substitution
            case 1 -> s.deleteCharAt(i); // omission
            case 2 -> s.insert(i, s.charAt(i)); // doubled letter
            default -> { // transposition
                if (i < s.length() - 1) {
                    char t = s.charAt(i);
                    s.setCharAt(i, s.charAt(i + 1));
                    s.setCharAt(i + 1, t);
                } else {
                    s.deleteCharAt(i);
                }
            }
        }
        return s.toString();
    }

    private LocalDate digitTypo(LocalDate d) {
        if (d == null) {
            return null;
        }
        for (int attempt = 0; attempt < 50; attempt++) {
            char[] digits = d.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE).toCharArray();
            int i = 2 + random.nextInt(6); // not the century
            char c = (char) ('0' + random.nextInt(10));
            if (c == digits[i]) {
                continue;
            }
            digits[i] = c;
            try {
                return LocalDate.parse(new String(digits), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
            } catch (java.time.format.DateTimeParseException invalid) {
                // try another digit
            }
        }
        return d;
    }

    private String digitTypo(String id) {
        char[] chars = id.toCharArray();
        int i = 1 + random.nextInt(chars.length - 1);
        chars[i] = (char) ('0' + ((chars[i] - '0' + 1 + random.nextInt(9)) % 10));
        return new String(chars);
    }

    /** How the police happen to write it: upper case, accents dropped, hyphens as spaces, stray spaces. */
    private ChildDetails restyle(ChildDetails c) {
        if (random.nextInt(3) != 0) {
            return c;
        }
        String given = c.givenName();
        String family = c.familyName();
        switch (random.nextInt(4)) {
            case 0 -> {
                given = given.toUpperCase(Locale.ROOT);
                family = family.toUpperCase(Locale.ROOT);
            }
            case 1 -> {
                given = stripAccents(given);
                family = stripAccents(family);
            }
            case 2 -> {
                given = given.replace('-', ' ');
                family = family.replace('-', ' ').replace("'", "");
            }
            default -> {
                given = " " + given.toLowerCase(Locale.ROOT) + " ";
                family = family.toLowerCase(Locale.ROOT);
            }
        }
        String postcode = c.postcode() == null ? null
                : random.nextBoolean() ? c.postcode().replace(" ", "") : c.postcode().toLowerCase(Locale.ROOT);
        return new ChildDetails(given, family, c.dateOfBirth(), postcode, c.upn(), c.nhsNumber());
    }

    private static String stripAccents(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }
}
