package uk.safeguarding.notification.delivery.escalation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryState;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What an operator alerts on about deadlines, computed by a periodic query (every instance computes the same numbers
 * from the shared database, so rules take {@code max}):
 * <ul>
 *   <li>{@code notification.deadlines.at-risk{kind}}: alerts not opened, due within
 *       {@code notification.escalation.at-risk-window} (default PT2H) and not yet due;</li>
 *   <li>{@code notification.deadlines.breached{kind}}: alerts not opened and past their deadline;</li>
 *   <li>{@code notification.deliveries.state{state}}: alerts by delivery state (the furthest each has got).</li>
 * </ul>
 * Tags are the recipient's organisation kind and the state: never an organisation or an alert.
 * Every series exists from the start (zero), so a rule sees 0 rather than no data.
 */
@Component
public class DeadlineGauges {

    private static final String OPEN_STATES = "('SENT', 'DELIVERED', 'FAILED', 'ESCALATED', 'BREACHED')";

    private final JdbcTemplate jdbc;
    private final Duration atRiskWindow;
    private final Map<AgencyKind, AtomicLong> atRisk = new EnumMap<>(AgencyKind.class);
    private final Map<AgencyKind, AtomicLong> breached = new EnumMap<>(AgencyKind.class);
    private final Map<DeliveryState, AtomicLong> byState = new EnumMap<>(DeliveryState.class);

    public DeadlineGauges(JdbcTemplate jdbc, MeterRegistry meters,
                          @Value("${notification.escalation.at-risk-window:PT2H}") Duration atRiskWindow) {
        this.jdbc = jdbc;
        this.atRiskWindow = atRiskWindow;
        for (AgencyKind kind : AgencyKind.values()) {
            AtomicLong risk = new AtomicLong();
            Gauge.builder("notification.deadlines.at-risk", risk, AtomicLong::get)
                    .description("Alerts not opened, due within the at-risk window").tag("kind", kind.name())
                    .register(meters);
            atRisk.put(kind, risk);
            AtomicLong late = new AtomicLong();
            Gauge.builder("notification.deadlines.breached", late, AtomicLong::get)
                    .description("Alerts not opened and past their deadline").tag("kind", kind.name())
                    .register(meters);
            breached.put(kind, late);
        }
        for (DeliveryState state : DeliveryState.values()) {
            AtomicLong count = new AtomicLong();
            Gauge.builder("notification.deliveries.state", count, AtomicLong::get)
                    .description("Alerts by the furthest delivery state they have reached").tag("state", state.name())
                    .register(meters);
            byState.put(state, count);
        }
    }

    public Duration atRiskWindow() {
        return atRiskWindow;
    }

    /** Computes every gauge as of {@code now}. */
    public void refresh(Instant now) {
        Map<AgencyKind, Long> risk = new EnumMap<>(AgencyKind.class);
        Map<AgencyKind, Long> late = new EnumMap<>(AgencyKind.class);
        jdbc.query("select recipient_kind, count(*) filter (where due_by > ? and due_by <= ?) as at_risk,"
                        + " count(*) filter (where due_by <= ?) as breached from delivery"
                        + " where opened_at is null and due_by is not null and state in " + OPEN_STATES
                        + " and due_by <= ? group by recipient_kind",
                rs -> {
                    AgencyKind kind = kindOf(rs.getString("recipient_kind"));
                    if (kind != null) {
                        risk.merge(kind, rs.getLong("at_risk"), Long::sum);
                        late.merge(kind, rs.getLong("breached"), Long::sum);
                    }
                },
                Timestamp.from(now), Timestamp.from(now.plus(atRiskWindow)), Timestamp.from(now),
                Timestamp.from(now.plus(atRiskWindow)));
        atRisk.forEach((kind, holder) -> holder.set(risk.getOrDefault(kind, 0L)));
        breached.forEach((kind, holder) -> holder.set(late.getOrDefault(kind, 0L)));

        Map<DeliveryState, Long> states = new EnumMap<>(DeliveryState.class);
        jdbc.query("select state, count(*) as n from delivery group by state", rs -> {
            try {
                states.merge(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n"), Long::sum);
            } catch (IllegalArgumentException e) {
                states.merge(DeliveryState.UNKNOWN, rs.getLong("n"), Long::sum);
            }
        });
        byState.forEach((state, holder) -> holder.set(states.getOrDefault(state, 0L)));
    }

    private static AgencyKind kindOf(String name) {
        try {
            return AgencyKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
