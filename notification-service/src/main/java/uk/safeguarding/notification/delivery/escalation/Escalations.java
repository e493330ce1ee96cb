package uk.safeguarding.notification.delivery.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.delivery.dispatch.DeliveryLog;
import uk.safeguarding.notification.delivery.dispatch.EmailNotices;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Applies the {@link EscalationRule} to every alert due: reads candidates in batches with
 * {@code select ... for update skip locked} (several instances may run), and for each, in the batch's transaction,
 * records ESCALATED (PLATFORM) and queues an email notice to the organisation's deputies, and/or records BREACHED
 * (PLATFORM) and counts it ({@code notification.deliveries.breached{kind}}). Each step happens once: the state the
 * step moves the alert to takes it out of the candidates.
 */
@Component
public class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private record Candidate(UUID alertId, String organisationId, AgencyKind kind, Instant dueBy, DeliveryState state,
                             boolean escalated, boolean breached) {
    }

    private record Done(Candidate candidate, Set<EscalationRule.Step> steps) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryLog deliveryLog;
    private final EmailNotices notices;
    private final MeterRegistry meters;
    private final EscalationRule rule;
    private final int batchSize;

    public Escalations(JdbcTemplate jdbc, TransactionTemplate transactions, DeliveryLog deliveryLog,
                       EmailNotices notices, MeterRegistry meters,
                       @Value("${notification.escalation.before-deadline:PT30M}") Duration beforeDeadline,
                       @Value("${notification.escalation.batch-size:200}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveryLog = deliveryLog;
        this.notices = notices;
        this.meters = meters;
        // every kind exists from the start (zero): a rule on increase() sees 0 rather than no data
        for (AgencyKind kind : AgencyKind.values()) {
            meters.counter("notification.deliveries.escalated", "kind", kind.name());
            meters.counter("notification.deliveries.breached", "kind", kind.name());
        }
        this.rule = new EscalationRule(beforeDeadline);
        this.batchSize = batchSize;
    }

    public EscalationRule rule() {
        return rule;
    }

    /** Escalates and breaches every alert due at {@code now}. Returns how many alerts took a step. */
    public int processDue(Instant now) {
        int total = 0;
        int escalated = 0;
        int breached = 0;
        while (true) {
            List<Done> done = transactions.execute(tx -> batch(now));
            if (done == null || done.isEmpty()) {
                break;
            }
            for (Done d : done) {
                if (d.steps().contains(EscalationRule.Step.ESCALATE)) {
                    escalated++;
                    meters.counter("notification.deliveries.escalated", "kind", d.candidate().kind().name()).increment();
                }
                if (d.steps().contains(EscalationRule.Step.BREACH)) {
                    breached++;
                    meters.counter("notification.deliveries.breached", "kind", d.candidate().kind().name()).increment();
                }
            }
            total += done.size();
            if (done.size() < batchSize) {
                break;
            }
        }
        if (total > 0) {
            log.info("Escalation run: {} alerts escalated, {} breached", escalated, breached);
        }
        return total;
    }

    private List<Done> batch(Instant now) {
        Timestamp at = Timestamp.from(now);
        Timestamp escalateBy = Timestamp.from(now.plus(rule.beforeDeadline()));
        List<Candidate> candidates = jdbc.query("select alert_id, organisation_id, recipient_kind, due_by, state,"
                        + " escalated_at is not null as escalated, breached_at is not null as breached from delivery"
                        + " where opened_at is null and due_by is not null and ("
                        + "   (escalated_at is null and state in ('SENT', 'DELIVERED', 'FAILED') and due_by <= ?)"
                        + "   or (breached_at is null and state in ('SENT', 'DELIVERED', 'FAILED', 'ESCALATED') and due_by <= ?))"
                        + " order by due_by limit ? for update skip locked",
                (rs, n) -> new Candidate((UUID) rs.getObject("alert_id"), rs.getString("organisation_id"),
                        AgencyKind.valueOf(rs.getString("recipient_kind")), rs.getTimestamp("due_by").toInstant(),
                        DeliveryState.valueOf(rs.getString("state")), rs.getBoolean("escalated"),
                        rs.getBoolean("breached")),
                escalateBy, at, batchSize);
        List<Done> done = new ArrayList<>();
        for (Candidate c : candidates) {
            Set<EscalationRule.Step> steps = rule.due(c.state(), c.dueBy(), c.escalated(), c.breached(), now);
            if (steps.contains(EscalationRule.Step.ESCALATE)) {
                deliveryLog.record(c.alertId(), DeliveryState.ESCALATED, DeliveryChannel.PLATFORM, null,
                        "not opened " + minutes(rule.beforeDeadline()) + " before the deadline: deputies told", now);
                notices.queue(c.alertId(), c.organisationId(), EmailNotices.Purpose.ESCALATION, now);
            }
            if (steps.contains(EscalationRule.Step.BREACH)) {
                deliveryLog.record(c.alertId(), DeliveryState.BREACHED, DeliveryChannel.PLATFORM, null,
                        "not opened by the deadline", now);
            }
            if (!steps.isEmpty()) {
                done.add(new Done(c, steps));
            }
        }
        return done;
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        return m == 1 ? "1 minute" : m + " minutes";
    }
}
