package uk.safeguarding.schemas.contract;

import java.util.regex.Pattern;

/**
 * Format rules of the identifiers that let the platform find a child's school and GP. A mistyped identifier would
 * route an alert about one child to another child's school, so malformed ones are refused at the door.
 */
public final class IdentifierRules {

    public static final String UPN_RULE = "must be a unique pupil number: a capital letter then 12 digits";
    public static final String NHS_NUMBER_RULE = "must be an NHS number: 10 digits with a valid modulus-11 check digit";

    /** Unique pupil number: a check letter then 12 digits (DfE common basic data set). */
    private static final Pattern UPN = Pattern.compile("[A-Z][0-9]{12}");
    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");

    private IdentifierRules() {
    }

    /** Identifiers travel without spaces (the Avro contract); forces often type NHS numbers as "943 476 5919". */
    public static String normalise(String value) {
        return value == null ? null : value.replaceAll("\\s+", "");
    }

    public static boolean isUniquePupilNumber(String value) {
        return value != null && UPN.matcher(normalise(value)).matches();
    }

    /**
     * NHS number: 10 digits, the last a modulus-11 check digit over the first nine weighted 10 down to 2.
     * A remainder giving 10 means the number was never issued; 11 maps to 0.
     */
    public static boolean isNhsNumber(String value) {
        if (value == null) {
            return false;
        }
        String digits = normalise(value);
        if (!TEN_DIGITS.matcher(digits).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }
}
