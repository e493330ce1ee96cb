package uk.safeguarding.notification.shared.onboarding;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a chosen password must be, after the NCSC's advice (length over complexity; no forced symbols; refuse the
 * obvious): 12 to 64 characters (and at most 72 bytes, all that BCrypt reads), not the person's email address or its
 * name part, not a common word padded with digits or symbols, not one character repeated or a run such as
 * {@code 123456789012}, and typed the same twice. Answers field to message, in the order of the form, GOV.UK style.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;
    /** BCrypt reads only the first 72 bytes of a password. */
    private static final int MAX_BYTES = 72;

    /** Words that make up most guessed passwords, checked once digits and symbols are taken away. */
    private static final Set<String> COMMON = Set.of("password", "passwd", "passw", "qwerty", "qwertyuiop", "asdfgh",
            "asdfghjkl", "zxcvbnm", "letmein", "welcome", "iloveyou", "admin", "administrator", "safeguarding",
            "abc", "abcdef", "abcdefgh", "monkey", "dragon", "football", "sunshine", "princess", "changeme", "secret",
            "school", "trustno", "master", "login", "summer", "winter", "spring", "autumn", "hello", "test");

    private PasswordRules() {
    }

    /** Problems with the password and its confirmation, by field ({@code password}, {@code confirmPassword}). */
    public static Map<String, String> check(String password, String confirmation, String email) {
        Map<String, String> problems = new LinkedHashMap<>();
        String p = password == null ? "" : password;
        if (p.isEmpty()) {
            problems.put("password", "Enter a password");
        } else if (p.codePointCount(0, p.length()) < MIN_LENGTH) {
            problems.put("password", "Password must be " + MIN_LENGTH + " characters or more");
        } else if (p.codePointCount(0, p.length()) > MAX_LENGTH || p.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.put("password", "Password must be " + MAX_LENGTH + " characters or fewer");
        } else if (containsEmail(p, email)) {
            problems.put("password", "Password must not include your email address");
        } else if (easyToGuess(p)) {
            problems.put("password", "Choose a password that is harder to guess: use words, not only numbers, and"
                    + " avoid common passwords, repeated characters and runs like 12345 or abcde");
        }
        if (confirmation == null || confirmation.isEmpty()) {
            problems.put("confirmPassword", "Confirm your password");
        } else if (!confirmation.equals(p)) {
            problems.put("confirmPassword", "Enter the same password in both boxes");
        }
        return problems;
    }

    private static boolean containsEmail(String password, String email) {
        if (email == null || email.isBlank()) {
            return false;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String address = email.strip().toLowerCase(Locale.ROOT);
        String local = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        return lower.contains(address) || (local.length() >= 4 && lower.contains(local));
    }

    /**
     * Numbers and symbols only, a common word with little else (Password2026!, P@ssw0rd!!2026), three or fewer
     * different characters, or one run up or down.
     */
    private static boolean easyToGuess(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String letters = lower.replaceAll("[^\\p{L}]", "");
        String unLeet = lower.replace('@', 'a').replace('4', 'a').replace('0', 'o').replace('1', 'l')
                .replace('3', 'e').replace('5', 's').replace('$', 's').replace('7', 't').replaceAll("[^\\p{L}]", "");
        return letters.isEmpty() || commonWordPadded(letters) || commonWordPadded(unLeet)
                || commonWordPadded(letters.replaceAll("(.)\\1+", "$1")) || fewDistinct(lower) || sequential(lower);
    }

    /** A common word with fewer than four other letters around it. */
    private static boolean commonWordPadded(String letters) {
        return COMMON.stream().anyMatch(word -> letters.contains(word) && letters.length() - word.length() < 4);
    }

    private static boolean fewDistinct(String lower) {
        return lower.codePoints().distinct().count() <= 3;
    }

    /** The whole password is one run up or down (abcdefghijkl, 987654321098), allowing wrap-around of digits. */
    private static boolean sequential(String lower) {
        int up = 0, down = 0;
        for (int i = 1; i < lower.length(); i++) {
            int step = lower.charAt(i) - lower.charAt(i - 1);
            if (step == 1 || (lower.charAt(i) == '0' && lower.charAt(i - 1) == '9')) {
                up++;
            }
            if (step == -1 || (lower.charAt(i) == '9' && lower.charAt(i - 1) == '0')) {
                down++;
            }
        }
        return up >= lower.length() - 2 || down >= lower.length() - 2;
    }
}
