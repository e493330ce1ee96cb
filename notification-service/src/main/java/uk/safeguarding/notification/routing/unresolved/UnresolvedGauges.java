package uk.safeguarding.notification.routing.unresolved;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.notification.shared.scheduling.Poller;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The working list as an operator alerts on it, computed by a periodic query: {@code notification.unresolved.waiting}
 * (children not matched, still open) and {@code notification.unresolved.oldest.age} (seconds the oldest has waited
 * since it was received; 0 when none waits). Counts and ages only, never a child.
 */
@Configuration(proxyBeanMethods = false)
public class UnresolvedGauges {

    /** The gauges' values, refreshed by {@link #unresolvedGaugesPoller}. */
    public static final class Values {
        private final JdbcTemplate jdbc;
        private final AtomicLong waiting = new AtomicLong();
        private final AtomicLong oldestAgeSeconds = new AtomicLong();

        Values(JdbcTemplate jdbc, MeterRegistry meters) {
            this.jdbc = jdbc;
            Gauge.builder("notification.unresolved.waiting", waiting, AtomicLong::get)
                    .description("Children not matched to the directory, waiting on the working list")
                    .register(meters);
            Gauge.builder("notification.unresolved.oldest.age", oldestAgeSeconds, AtomicLong::get)
                    .description("How long the oldest child on the working list has waited")
                    .baseUnit("seconds")
                    .register(meters);
        }

        public void refresh(Instant now) {
            jdbc.query("select count(*) as n, min(received_at) as oldest from unresolved_child where status = 'OPEN'",
                    rs -> {
                        waiting.set(rs.getLong("n"));
                        Timestamp oldest = rs.getTimestamp("oldest");
                        oldestAgeSeconds.set(oldest == null ? 0
                                : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds()));
                    });
        }

        public long waiting() {
            return waiting.get();
        }

        public long oldestAgeSeconds() {
            return oldestAgeSeconds.get();
        }
    }

    @Bean
    Values unresolvedGaugeValues(JdbcTemplate jdbc, MeterRegistry meters) {
        return new Values(jdbc, meters);
    }

    @Bean
    Poller unresolvedGaugesPoller(Values gauges, Clock clock,
                                  @Value("${notification.metrics.refresh-interval:PT1M}") Duration interval,
                                  @Value("${notification.metrics.enabled:true}") boolean enabled) {
        return new Poller("unresolved-gauges", interval, enabled, () -> gauges.refresh(clock.instant()));
    }
}
