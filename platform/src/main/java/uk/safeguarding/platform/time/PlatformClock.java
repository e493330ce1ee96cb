package uk.safeguarding.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * The one clock every service reads "now" from: the system's, moved by {@code platform.clock.offset} (an ISO-8601
 * duration such as {@code P400D} or {@code -PT6H}, default zero). Moving it runs a whole platform as if on another
 * day (a rehearsal, a training environment, the test suite a year ahead) without touching the machine's clock, which
 * the broker and the database keep reading.
 */
public final class PlatformClock {

    public static final String OFFSET_PROPERTY = "platform.clock.offset";
    public static final String OFFSET_ENVIRONMENT_VARIABLE = "PLATFORM_CLOCK_OFFSET";

    private PlatformClock() {
    }

    /** The system clock (UTC) moved by the offset. */
    public static Clock of(Duration offset) {
        return offset.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), offset);
    }

    /**
     * The offset a setting names: blank or absent is zero.
     *
     * @throws IllegalArgumentException naming the setting and the form it takes
     */
    public static Duration offset(String setting) {
        if (setting == null || setting.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.parse(setting.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(OFFSET_PROPERTY + " must be an ISO-8601 duration such as P400D or "
                    + "-PT6H (days, hours, minutes, seconds), not '" + setting + "'", e);
        }
    }

    /**
     * The clock of this JVM's settings, outside Spring: the {@value #OFFSET_PROPERTY} system property, else the
     * {@value #OFFSET_ENVIRONMENT_VARIABLE} environment variable. Tests build their data from it, so they and the
     * services under test agree on "now".
     */
    public static Clock fromSystemSettings() {
        String setting = System.getProperty(OFFSET_PROPERTY);
        if (setting == null || setting.isBlank()) {
            setting = System.getenv(OFFSET_ENVIRONMENT_VARIABLE);
        }
        return of(offset(setting));
    }
}
