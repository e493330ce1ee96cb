package uk.safeguarding.schemas.contract;

/** Character rules of text the platform keeps, shows and logs. */
public final class Text {

    private Text() {
    }

    /**
     * Whether the text holds a control character (Unicode category Cc: U+0000-U+001F, U+007F-U+009F), a line or
     * paragraph separator, or a bidirectional override (which makes a name read differently from how it is stored).
     * With {@code multiline}, tab, carriage return and line feed are allowed.
     */
    public static boolean hasControlCharacter(CharSequence text, boolean multiline) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (multiline && (ch == '\t' || ch == '\n' || ch == '\r')) {
                continue;
            }
            if (Character.getType(ch) == Character.CONTROL || ch == '\u2028' || ch == '\u2029'
                    || (ch >= '\u202A' && ch <= '\u202E') || (ch >= '\u2066' && ch <= '\u2069')) {
                return true;
            }
        }
        return false;
    }
}
