package uk.safeguarding.notification.shared.operations;

import java.time.Duration;

/** How long something has waited, as the console says it: "45 seconds", "12 minutes", "3 hours 5 minutes", "2 days 4 hours". */
public final class Ages {

    private Ages() {
    }

    public static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return plural(seconds, "second");
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return plural(minutes, "minute");
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return plural(hours, "hour") + (minutes % 60 == 0 ? "" : " " + plural(minutes % 60, "minute"));
        }
        return plural(hours / 24, "day") + (hours % 24 == 0 ? "" : " " + plural(hours % 24, "hour"));
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
