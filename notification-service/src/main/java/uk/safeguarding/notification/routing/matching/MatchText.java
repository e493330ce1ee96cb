package uk.safeguarding.notification.routing.matching;

import uk.safeguarding.notification.shared.vocabulary.Names;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Normalisation and comparison helpers shared by the matcher and the blocking keys. */
public final class MatchText {

    private static final DateTimeFormatter DIGITS = DateTimeFormatter.BASIC_ISO_DATE;
    /** Names repeat a lot; normalising them (Unicode decomposition) dominates scoring without this memo. */
    private static final int MEMO_LIMIT = 200_000;
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();
    private static final Map<String, String> SOUNDEX = new ConcurrentHashMap<>();

    private MatchText() {
    }

    /** Same normalisation as the exact matcher: lower case, no accents, letters and digits only. */
    public static String name(String raw) {
        if (raw == null) {
            return "";
        }
        return memo(NAMES, raw, Names::normalise);
    }

    /** Memoised {@link Soundex#of}. */
    static String soundex(String raw) {
        return raw == null ? "" : memo(SOUNDEX, raw, Soundex::of);
    }

    private static String memo(Map<String, String> memo, String key, java.util.function.Function<String, String> f) {
        String v = memo.get(key);
        if (v == null) {
            v = f.apply(key);
            if (memo.size() >= MEMO_LIMIT) {
                memo.clear();
            }
            memo.put(key, v);
        }
        return v;
    }

    /** The parts of a name split on spaces and hyphens, each normalised ("Smith-Jones" gives smith, jones). */
    public static List<String> nameParts(String raw) {
        List<String> parts = new ArrayList<>();
        if (raw == null) {
            return parts;
        }
        if (raw.strip().chars().noneMatch(c -> Character.isWhitespace(c) || c == '-' || c == '\u2010' || c == '\u2011'
                || c == '\u2013')) {
            String n = name(raw);
            if (!n.isEmpty()) {
                parts.add(n);
            }
            return parts;
        }
        for (String part : raw.split("[\\s\\-\u2010\u2011\u2013]+")) {
            String n = name(part);
            if (!n.isEmpty()) {
                parts.add(n);
            }
        }
        return parts;
    }

    /** Postcode upper case without spaces, or "" when absent. */
    public static String postcode(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 'a' + 'A'));
            }
        }
        return out.toString();
    }

    /** The outward code (everything before the last three characters), or "" when the postcode is too short. */
    public static String outwardCode(String raw) {
        String p = postcode(raw);
        return p.length() > 3 ? p.substring(0, p.length() - 3) : "";
    }

    public static String identifier(String raw) {
        return Names.normaliseIdentifier(raw);
    }

    /** The date with day and month swapped, or null when that is not a different valid date (both parts <= 12). */
    public static LocalDate swapDayAndMonth(LocalDate date) {
        if (date == null || date.getDayOfMonth() > 12 || date.getDayOfMonth() == date.getMonthValue()) {
            return null;
        }
        return LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue());
    }

    /** True when the two dates, written yyyymmdd, differ in exactly one digit. */
    public static boolean oneDigitApart(LocalDate a, LocalDate b) {
        String x = a.format(DIGITS);
        String y = b.format(DIGITS);
        int diff = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                diff++;
            }
        }
        return diff == 1;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    public static int editDistance(String a, String b) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > 2) {
            return Math.abs(n - m);
        }
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /**
     * True when two normalised names are within a typo: one edit when the shorter has at least 4 letters, two when
     * both have at least 8. Shorter names must agree exactly (Jo/Jon, Mia/Mya are different children often enough).
     */
    public static boolean withinTypo(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        if (shorter < 4) {
            return false;
        }
        int d = editDistance(a, b);
        return d == 1 || (d == 2 && shorter >= 8);
    }
}
