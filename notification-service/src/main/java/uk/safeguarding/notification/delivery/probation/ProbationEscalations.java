package uk.safeguarding.notification.delivery.probation;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.delivery.dispatch.DeliveryLog;
import uk.safeguarding.notification.delivery.dispatch.EmailNotices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Escalates probation answers about the children not given by their respondBy, in the style of the escalation
 * package: candidates read in batches with {@code for update skip locked} (several instances may run), and for each,
 * in the batch's transaction, an ESCALATED step (PLATFORM) on the alert, an email notice to the unit's deputies, and
 * {@code escalated_at}, which takes it out of the candidates: each question escalates once. It stays on operations'
 * list ({@code GET /api/v1/probation/unanswered}) until it is answered.
 */
@Component
public class ProbationEscalations {

    private static final Logger log = LoggerFactory.getLogger(ProbationEscalations.class);

    private record Due(UUID alertId, String organisationId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryLog deliveryLog;
    private final EmailNotices notices;
    private final MeterRegistry meters;
    private final int batchSize;

    public ProbationEscalations(JdbcTemplate jdbc, TransactionTemplate transactions, DeliveryLog deliveryLog,
                                EmailNotices notices, MeterRegistry meters,
                                @Value("${notification.probation.batch-size:200}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveryLog = deliveryLog;
        this.notices = notices;
        this.meters = meters;
        this.batchSize = batchSize;
    }

    /** Escalates every question unanswered at {@code now}. Returns how many were escalated. */
    public int processDue(Instant now) {
        int total = 0;
        while (true) {
            List<Due> done = transactions.execute(tx -> batch(now));
            int n = done == null ? 0 : done.size();
            total += n;
            if (n < batchSize) {
                break;
            }
        }
        if (total > 0) {
            meters.counter("notification.probation.answers.escalated").increment(total);
            log.info("Probation answers escalated: {}", total);
        }
        return total;
    }

    private List<Due> batch(Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Due> due = jdbc.query("select alert_id, organisation_id from probation_response"
                        + " where answered_at is null and escalated_at is null and respond_by <= ?"
                        + " order by respond_by limit ? for update skip locked",
                (rs, n) -> new Due((UUID) rs.getObject(1), rs.getString(2)), at, batchSize);
        for (Due d : due) {
            jdbc.update("update probation_response set escalated_at = ? where alert_id = ?", at, d.alertId());
            deliveryLog.record(d.alertId(), DeliveryState.ESCALATED, DeliveryChannel.PLATFORM, null,
                    "probation has not answered whether the children's needs were considered: deputies told", now);
            notices.queue(d.alertId(), d.organisationId(), EmailNotices.Purpose.ANSWER_OVERDUE, now);
            log.info("Probation answer for alert {} overdue: escalated to the deputies of {}", d.alertId(),
                    d.organisationId());
        }
        return due;
    }
}
