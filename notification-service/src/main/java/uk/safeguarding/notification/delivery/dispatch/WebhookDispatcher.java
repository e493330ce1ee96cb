package uk.safeguarding.notification.delivery.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * POSTs alerts to organisations' own systems ({@code webhook_delivery}), retrying with exponential backoff
 * ({@link Backoff}) from the table, so retries survive a restart. A poller calls {@link #dispatchDue} with the clock's
 * "now"; each due delivery is claimed in a short transaction ({@code for update skip locked}, and its next attempt time
 * pushed out by a lease so no other instance takes it meanwhile), posted outside any transaction (the HTTP client has
 * timeouts), and the attempt recorded in another transaction: a 2xx records DELIVERED (WEBHOOK); a failure schedules
 * the next attempt; the last failure dead-letters the delivery (its attempt rows marked dead) and records FAILED
 * (WEBHOOK). Every request carries {@code Idempotency-Key: <alertId>} and the signature ({@link WebhookSignature}), so
 * a receiver can drop a repeat (an attempt whose answer was lost).
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private record Claimed(UUID alertId, String organisationId, String body, int attempts) {
    }

    private record Answer(Integer statusCode, String error, long durationMs) {
        boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }

        String words() {
            return statusCode != null ? "answered " + statusCode : "failed: " + error;
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DeliveryLog deliveryLog;
    private final DeliverySettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Backoff backoff;
    private final Duration lease;
    private final Duration requestTimeout;
    private final int batchSize;
    private final HttpClient http;

    public WebhookDispatcher(JdbcTemplate jdbc, TransactionTemplate transactions, DeliveryLog deliveryLog,
                             DeliverySettings settings, Clock clock, MeterRegistry meters,
                             @Value("${notification.webhook.max-attempts:5}") int maxAttempts,
                             @Value("${notification.webhook.base-delay:PT30S}") Duration baseDelay,
                             @Value("${notification.webhook.max-delay:PT30M}") Duration maxDelay,
                             @Value("${notification.webhook.connect-timeout:PT5S}") Duration connectTimeout,
                             @Value("${notification.webhook.request-timeout:PT10S}") Duration requestTimeout,
                             @Value("${notification.webhook.lease:PT2M}") Duration lease,
                             @Value("${notification.delivery.batch-size:100}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.deliveryLog = deliveryLog;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        // every outcome exists from the start (zero), so a rule on failures sees 0 rather than no data
        for (String outcome : new String[] {"delivered", "retry", "dead"}) {
            meters.counter("notification.deliveries.webhook", "outcome", outcome);
        }
        this.backoff = new Backoff(maxAttempts, baseDelay, maxDelay);
        this.lease = lease;
        this.requestTimeout = requestTimeout;
        this.batchSize = batchSize;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Backoff backoff() {
        return backoff;
    }

    /** Attempts every delivery due at {@code now} (one batch). Returns how many attempts were made. */
    public int dispatchDue(Instant now) {
        List<Claimed> claimed = transactions.execute(tx -> jdbc.query(
                "update webhook_delivery w set next_attempt_at = ? from (select alert_id from webhook_delivery"
                        + " where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at limit ?"
                        + " for update skip locked) due where w.alert_id = due.alert_id"
                        + " returning w.alert_id, w.organisation_id, w.body, w.attempts",
                (rs, n) -> new Claimed((UUID) rs.getObject(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                Timestamp.from(now.plus(lease)), Timestamp.from(now), batchSize));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        for (Claimed c : claimed) {
            // the alert's id on every line of its attempt (a field of its own in structured logs)
            try (org.slf4j.MDC.MDCCloseable alert = org.slf4j.MDC.putCloseable("alertId", c.alertId().toString())) {
                attempt(c, now);
            }
        }
        log.info("Webhook dispatch: {} attempts", claimed.size());
        return claimed.size();
    }

    private void attempt(Claimed c, Instant now) {
        int attempt = c.attempts() + 1;
        DeliverySettings.WebhookEndpoint endpoint = settings.webhook(c.organisationId()).orElse(null);
        Answer answer;
        if (endpoint == null || !endpoint.active()) {
            answer = new Answer(null, "endpoint removed or deactivated", 0);
        } else {
            answer = post(endpoint, c);
        }
        boolean last = answer.succeeded() || backoff.exhausted(attempt) || endpoint == null || !endpoint.active();
        transactions.executeWithoutResult(tx -> record(c, attempt, answer, now, last));
    }

    private Answer post(DeliverySettings.WebhookEndpoint endpoint, Claimed c) {
        long unix = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header(IDEMPOTENCY_KEY, c.alertId().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.header(endpoint.secret(), unix, c.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Answer(response.statusCode(), null, elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted", elapsed(started));
        } catch (Exception e) {
            // the exception class only: messages can carry host names and addresses
            return new Answer(null, e.getClass().getSimpleName(), elapsed(started));
        }
    }

    private void record(Claimed c, int attempt, Answer answer, Instant now, boolean last) {
        // only if nobody else recorded this attempt meanwhile (a lease that ran out)
        int updated;
        String detail;
        if (answer.succeeded()) {
            updated = jdbc.update("update webhook_delivery set status = 'DELIVERED', attempts = ?, completed_at = ?,"
                            + " last_error = null where alert_id = ? and attempts = ? and status = 'PENDING'",
                    attempt, Timestamp.from(now), c.alertId(), c.attempts());
            detail = "webhook " + answer.words() + ", attempt " + attempt + " of " + backoff.maxAttempts();
        } else if (last) {
            updated = jdbc.update("update webhook_delivery set status = 'DEAD', attempts = ?, completed_at = ?,"
                            + " last_error = ? where alert_id = ? and attempts = ? and status = 'PENDING'",
                    attempt, Timestamp.from(now), answer.words(), c.alertId(), c.attempts());
            detail = "webhook dead-lettered after attempt " + attempt + " of " + backoff.maxAttempts()
                    + ": last " + answer.words();
        } else {
            Instant next = now.plus(backoff.delayAfter(attempt));
            updated = jdbc.update("update webhook_delivery set attempts = ?, next_attempt_at = ?, last_error = ?"
                            + " where alert_id = ? and attempts = ? and status = 'PENDING'",
                    attempt, Timestamp.from(next), answer.words(), c.alertId(), c.attempts());
            detail = null;
        }
        if (updated == 0) {
            log.warn("Webhook attempt {} for alert {} was recorded by another worker; this outcome is dropped", attempt, c.alertId());
            return;
        }
        jdbc.update("insert into webhook_attempt (alert_id, attempt, attempted_at, status_code, error, duration_ms,"
                        + " succeeded, dead) values (?, ?, ?, ?, ?, ?, ?, false)", c.alertId(), attempt, Timestamp.from(now),
                answer.statusCode(), answer.error(), answer.durationMs(), answer.succeeded());
        if (answer.succeeded()) {
            deliveryLog.record(c.alertId(), DeliveryState.DELIVERED, DeliveryChannel.WEBHOOK, null, detail, now);
            meters.counter("notification.deliveries.webhook", "outcome", "delivered").increment();
        } else if (last) {
            jdbc.update("update webhook_attempt set dead = true where alert_id = ?", c.alertId());
            deliveryLog.record(c.alertId(), DeliveryState.FAILED, DeliveryChannel.WEBHOOK, null, detail, now);
            meters.counter("notification.deliveries.webhook", "outcome", "dead").increment();
            log.warn("Webhook for alert {} dead-lettered after {} attempts", c.alertId(), attempt);
        } else {
            meters.counter("notification.deliveries.webhook", "outcome", "retry").increment();
        }
        log.info("Webhook attempt {} for alert {}: {}", attempt, c.alertId(),
                answer.statusCode() != null ? answer.statusCode() : answer.error());
    }

    private static long elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }
}
