package uk.safeguarding.platform.failure;

/** Text written to logs and headers. */
public final class Text {

    private Text() {
    }

    /** Control characters shown as {@code \u0000} escapes, so a value cannot forge or break a log line. */
    public static String escaped(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            boolean control = Character.getType(ch) == Character.CONTROL || ch == '\u2028' || ch == '\u2029'
                    || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069');
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (control) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
        }
        return out == null ? text : out.toString();
    }
}
