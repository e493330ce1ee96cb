package uk.safeguarding.notification.delivery.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.notification.shared.kafka.AvroRecords;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The alerts delivery has received ({@code delivered_alert}), kept as they arrived on the agency topics: delivery's
 * own copy, so that nothing on the delivery side reads routing's ledger.
 */
@Component
public class DeliveredAlerts {

    /** What a purged alert reads as: its content is gone (see retention). */
    public static final String PURGED_JSON = "{\"purged\": true}";

    private final JdbcTemplate jdbc;

    public DeliveredAlerts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the alerts (one batch statement); an alert already kept is left as it is. */
    public void keepAll(Collection<AgencyAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into delivered_alert (alert_id, organisation_id, organisation_name, recipient_kind,"
                + " incident_id, revision, routed_at, payload) values (?::uuid, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                alerts.stream().map(a -> new Object[]{a.getAlertId(), a.getRecipient().getOrganisationId(),
                        a.getRecipient().getOrganisationName(),
                        a.getRecipient().getKind().name(), a.getIncidentId(), a.getIncidentRevision(),
                        Timestamp.from(a.getRoutedAt()), AvroRecords.toBinary(a)}).toList());
    }

    /** The alert as it was received (not purged). */
    public Optional<AgencyAlert> find(UUID alertId) {
        return jdbc.query("select payload from delivered_alert where alert_id = ? and purged_at is null",
                (rs, n) -> AvroRecords.<AgencyAlert>fromBinary(rs.getBytes(1), AgencyAlert.getClassSchema()), alertId)
                .stream().findFirst();
    }

    /** The alerts received with these ids (not purged), in one query. */
    public List<AgencyAlert> findAll(Collection<UUID> alertIds) {
        if (alertIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select payload from delivered_alert where alert_id = any (?) and purged_at is null",
                (rs, n) -> AvroRecords.<AgencyAlert>fromBinary(rs.getBytes(1), AgencyAlert.getClassSchema()),
                (Object) alertIds.toArray(UUID[]::new));
    }

    /** A kept alert as plain JSON, for people and pages. */
    public static String json(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return PURGED_JSON;
        }
        return AvroRecords.toJson(AvroRecords.<AgencyAlert>fromBinary(payload, AgencyAlert.getClassSchema()));
    }
}
