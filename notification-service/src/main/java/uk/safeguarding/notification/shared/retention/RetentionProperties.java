package uk.safeguarding.notification.shared.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import uk.safeguarding.avro.AgencyKind;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code notification.retention.*}: alerts by recipient kind (keys as in the calendar rules: school, school-nurse,
 * gp, ...), other alerts, unresolved children, webhook bodies, the audit's ids; and how often the purge runs.
 */
@ConfigurationProperties("notification.retention")
public record RetentionProperties(Map<String, Duration> alerts, Duration otherAlerts, Duration unresolved,
                                  Duration webhookBodies, Duration audit, Duration interval, Integer batchSize,
                                  Boolean enabled) {

    public RetentionPolicy policy() {
        Map<AgencyKind, Duration> byKind = new EnumMap<>(AgencyKind.class);
        if (alerts != null) {
            alerts.forEach((key, duration) -> byKind.put(kind(key), duration));
        }
        return new RetentionPolicy(byKind, orDefault(otherAlerts, Duration.ofDays(365)),
                orDefault(unresolved, Duration.ofDays(365)), orDefault(webhookBodies, Duration.ofDays(30)),
                orDefault(audit, Duration.ofDays(6 * 365 + 2)));
    }

    public Duration intervalOrDefault() {
        return orDefault(interval, Duration.ofHours(1));
    }

    public int batchSizeOrDefault() {
        return batchSize == null ? 1000 : batchSize;
    }

    public boolean enabledOrDefault() {
        return enabled == null || enabled;
    }

    static AgencyKind kind(String key) {
        String name = key.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return AgencyKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("notification.retention.alerts." + key + ": not a recipient kind", e);
        }
    }

    private static Duration orDefault(Duration d, Duration fallback) {
        return d == null ? fallback : d;
    }
}
