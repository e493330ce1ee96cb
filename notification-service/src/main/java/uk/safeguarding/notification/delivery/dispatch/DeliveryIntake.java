package uk.safeguarding.notification.delivery.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.notification.shared.kafka.AvroRecords;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Records a batch of alerts for delivery in ONE database transaction: each alert with its SENT step (idempotent by
 * alert id, so a redelivered batch is harmless), and for each alert that is new, its channel work: an email notice for
 * the key adults (unless the organisation switched notices off) and a webhook delivery (when the organisation has an
 * active endpoint). The dispatchers send them once the transaction has committed.
 */
@Component
public class DeliveryIntake {

    /** What one batch did. */
    public record Outcome(int received, int created, int emailNotices, int webhooks) {
    }

    private final DeliveryLog deliveryLog;
    private final DeliverySettings settings;
    private final JdbcTemplate jdbc;
    private final MeterRegistry meters;
    private final List<AlertsReceived> alsoOnArrival;

    public DeliveryIntake(DeliveryLog deliveryLog, DeliverySettings settings, JdbcTemplate jdbc, MeterRegistry meters,
                          List<AlertsReceived> alsoOnArrival) {
        this.alsoOnArrival = alsoOnArrival;
        this.deliveryLog = deliveryLog;
        this.settings = settings;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    @Transactional
    public Outcome record(List<AgencyAlert> alerts, Instant now) {
        if (alerts.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        Map<UUID, AgencyAlert> byId = new LinkedHashMap<>();
        for (AgencyAlert a : alerts) {
            byId.putIfAbsent(UUID.fromString(a.getAlertId()), a); // the same alert twice in a batch: once
        }
        List<UUID> created = deliveryLog.recordSent(alerts, now);
        List<AgencyAlert> arrived = created.stream().map(byId::get).toList();
        alsoOnArrival.forEach(work -> work.received(arrived, now));

        Set<String> organisations = new LinkedHashSet<>();
        created.forEach(id -> organisations.add(byId.get(id).getRecipient().getOrganisationId()));
        Set<String> noticesOff = settings.emailNoticesOff(organisations);
        Map<String, DeliverySettings.WebhookEndpoint> webhooks = settings.activeWebhooks(organisations);

        Timestamp at = Timestamp.from(now);
        List<Object[]> notices = new ArrayList<>();
        List<Object[]> posts = new ArrayList<>();
        for (UUID id : created) {
            AgencyAlert alert = byId.get(id);
            String organisation = alert.getRecipient().getOrganisationId();
            if (!noticesOff.contains(organisation)) {
                notices.add(new Object[]{id, organisation, EmailNotices.Purpose.NEW_ALERT.name(), at});
            }
            if (webhooks.containsKey(organisation)) {
                posts.add(new Object[]{id, organisation, AvroRecords.toJson(alert), at, at});
            }
            meters.counter("notification.deliveries", "kind", alert.getRecipient().getKind().name()).increment();
        }
        if (!notices.isEmpty()) {
            jdbc.batchUpdate("insert into email_notice (alert_id, organisation_id, purpose, status, created_at)"
                    + " values (?, ?, ?, 'PENDING', ?) on conflict do nothing", notices);
        }
        if (!posts.isEmpty()) {
            jdbc.batchUpdate("insert into webhook_delivery (alert_id, organisation_id, body, status, next_attempt_at,"
                    + " created_at) values (?, ?, ?, 'PENDING', ?, ?) on conflict do nothing", posts);
        }
        return new Outcome(alerts.size(), created.size(), notices.size(), posts.size());
    }
}
