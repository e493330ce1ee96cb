package uk.safeguarding.notification.shared.retention;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.schemas.Topics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Removes personal data past its retention ({@link RetentionPolicy}) from PostgreSQL, in batches, one transaction per
 * batch, safe to run on several instances at once ({@code for update skip locked}):
 * <ul>
 * <li>an alert's Avro payload (its content) is replaced by nothing, its child id by
 * {@code purged:<alertId>}; its recipient's action note and webhook body are cleared. The row stays as the
 * anonymised stub: alert id, incident id, recipient, kind, routing reason, instants and {@code purged_at};</li>
 * <li>an unresolved child's names and date of birth as police recorded them are cleared;</li>
 * <li>webhook bodies no longer needed for retries are cleared sooner;</li>
 * <li>disclosure audit rows keep what was disclosed to which organisation, when and why, and lose the ids of the
 * child, incident, alert and person past the audit's retention.</li>
 * </ul>
 * What delivery recorded (states, instants, who opened it) stays: it names staff by id, not the child.
 */
@Component
public class RetentionPurge {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurge.class);

    /** What one run removed. */
    public record Result(int alertsPurged, int unresolvedPurged, int webhookBodiesCleared, int auditAnonymised) {
        public boolean nothing() {
            return alertsPurged == 0 && unresolvedPurged == 0 && webhookBodiesCleared == 0 && auditAnonymised == 0;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final RetentionPolicy policy;
    private final int batchSize;
    private final MeterRegistry meters;

    public RetentionPurge(JdbcTemplate jdbc, TransactionTemplate tx, RetentionProperties properties,
                          MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.policy = properties.policy();
        this.batchSize = properties.batchSizeOrDefault();
        this.meters = meters;
    }

    public RetentionPolicy policy() {
        return policy;
    }

    public Result purge(Instant now) {
        int alerts = 0;
        for (AgencyKind kind : AgencyKind.values()) {
            Instant cutoff = policy.alertCutoff(kind, now);
            int n;
            do {
                n = tx.execute(s -> purgeAlerts(kind, cutoff, now));
                alerts += n;
            } while (n == batchSize);
        }
        int unresolved = 0;
        int n;
        do {
            n = tx.execute(s -> purgeUnresolved(policy.unresolvedCutoff(now), now));
            unresolved += n;
        } while (n == batchSize);
        int bodies = 0;
        do {
            n = tx.execute(s -> clearWebhookBodies(policy.webhookBodyCutoff(now)));
            bodies += n;
        } while (n == batchSize);

        // a dead letter's bytes kept in the database last as long as dead letters last on their topic
        Integer payloads = tx.execute(s -> jdbc.update("delete from dead_letter_payload where stored_at < ?",
                Timestamp.from(now.minus(Topics.INCIDENTS_DEAD_LETTER.retention()))));
        meters.counter("notification.retention.purged", "record", "dead-letter-payload")
                .increment(payloads == null ? 0 : payloads);

        // the audit keeps every row; past its retention a row loses the ids that point at a child (V40's function)
        Integer audit = tx.execute(s -> jdbc.queryForObject("select anonymise_disclosure_audit(?)", Integer.class,
                Timestamp.from(policy.auditCutoff(now))));

        Result result = new Result(alerts, unresolved, bodies, audit == null ? 0 : audit);
        if (!result.nothing()) {
            jdbc.update("insert into retention_purge_run (ran_at, alerts_purged, unresolved_purged, webhook_bodies_cleared,"
                            + " audit_anonymised) values (?, ?, ?, ?, ?)", Timestamp.from(now), alerts, unresolved, bodies,
                    result.auditAnonymised());
            meters.counter("notification.retention.purged", "record", "alert").increment(alerts);
            meters.counter("notification.retention.purged", "record", "unresolved-child").increment(unresolved);
            meters.counter("notification.retention.purged", "record", "webhook-body").increment(bodies);
            meters.counter("notification.retention.purged", "record", "audit").increment(result.auditAnonymised());
            log.info("Retention purge: {} alerts, {} unresolved children, {} webhook bodies, {} audit rows past retention"
                    + " anonymised", alerts, unresolved, bodies, result.auditAnonymised());
        }
        return result;
    }

    private int purgeAlerts(AgencyKind kind, Instant cutoff, Instant now) {
        List<UUID> ids = jdbc.queryForList("with doomed as (select alert_id from alert_ledger"
                        + " where recipient_kind = ? and routed_at < ? and purged_at is null"
                        + " order by routed_at limit ? for update skip locked)"
                        + " update alert_ledger l set payload = ''::bytea,"
                        + " child_id = 'purged:' || l.alert_id::text, purged_at = ?"
                        + " from doomed where l.alert_id = doomed.alert_id returning l.alert_id",
                UUID.class, kind.name(), Timestamp.from(cutoff), batchSize, Timestamp.from(now));
        // delivery's own copy of each alert goes by the same rule, on its own columns
        jdbc.update("update delivered_alert set payload = ''::bytea, child_id = null, child_name_key = null,"
                        + " purged_at = ? where alert_id in (select alert_id"
                        + " from delivered_alert where recipient_kind = ? and routed_at < ? and purged_at is null"
                        + " order by routed_at limit ? for update skip locked)",
                Timestamp.from(now), kind.name(), Timestamp.from(cutoff), batchSize);
        if (!ids.isEmpty()) {
            Object[] array = ids.toArray();
            jdbc.update(con -> {
                var ps = con.prepareStatement("update delivery set action_note = null where alert_id = any(?)"
                        + " and action_note is not null");
                ps.setArray(1, con.createArrayOf("uuid", array));
                return ps;
            });
            jdbc.update(con -> {
                var ps = con.prepareStatement("update webhook_delivery set body = '' where alert_id = any(?)"
                        + " and body <> ''");
                ps.setArray(1, con.createArrayOf("uuid", array));
                return ps;
            });
        }
        return ids.size();
    }

    private int purgeUnresolved(Instant cutoff, Instant now) {
        return jdbc.update("update unresolved_child u set given_name = '', family_name = '', date_of_birth = null,"
                        + " purged_at = ? where u.id in (select id from unresolved_child where detected_at < ?"
                        + " and purged_at is null order by detected_at limit ? for update skip locked)",
                Timestamp.from(now), Timestamp.from(cutoff), batchSize);
    }

    /** Only bodies no attempt will send again: delivered or dead. */
    private int clearWebhookBodies(Instant cutoff) {
        return jdbc.update("update webhook_delivery w set body = '' where w.alert_id in (select alert_id from"
                        + " webhook_delivery where created_at < ? and status <> 'PENDING' and body <> ''"
                        + " limit ? for update skip locked)",
                Timestamp.from(cutoff), batchSize);
    }
}
