package uk.safeguarding.notification.routing.matching;

/** American Soundex (letter and three digits, h and w do not separate equal codes) of a normalised name. */
public final class Soundex {

    //                                     abcdefghijklmnopqrstuvwxyz
    private static final String CODES = "01230120022455012623010202";

    private Soundex() {
    }

    /** The Soundex code of the name's letters ("Robert" and "Rupert" give R163), or "" without letters. */
    public static String of(String name) {
        String n = MatchText.name(name).replaceAll("[^a-z]", "");
        if (n.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(4);
        out.append(Character.toUpperCase(n.charAt(0)));
        char last = CODES.charAt(n.charAt(0) - 'a');
        for (int i = 1; i < n.length() && out.length() < 4; i++) {
            char c = n.charAt(i);
            char code = CODES.charAt(c - 'a');
            if (c == 'h' || c == 'w') {
                continue; // h and w do not separate letters with the same code
            }
            if (code != '0' && code != last) {
                out.append(code);
            }
            last = code;
        }
        while (out.length() < 4) {
            out.append('0');
        }
        return out.toString();
    }
}
