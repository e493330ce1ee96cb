package uk.safeguarding.notification.delivery.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.notification.shared.kafka.AvroRecords;
import uk.safeguarding.notification.shared.vocabulary.Names;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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

    /** Keeps the alerts (one batch statement), with their search keys; an alert already kept is left as it is. */
    public void keepAll(Collection<AgencyAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into delivered_alert (alert_id, organisation_id, organisation_name, recipient_kind,"
                + " incident_id, revision, routed_at, payload, police_reference_key, child_id, child_name_key, child_index)"
                + " values (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                alerts.stream().map(a -> new Object[]{a.getAlertId(), a.getRecipient().getOrganisationId(),
                        a.getRecipient().getOrganisationName(),
                        a.getRecipient().getKind().name(), a.getIncidentId(), a.getIncidentRevision(),
                        Timestamp.from(a.getRoutedAt()), AvroRecords.toBinary(a), policeReferenceKey(a.getPoliceReference()),
                        a.getChild() == null ? null : a.getChild().getChildId(), childNameKey(a), a.getChildIndex()})
                        .toList());
    }

    /** How a police reference is kept and looked for: trimmed and upper-cased. */
    public static String policeReferenceKey(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String key = reference.strip().toUpperCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    /** How a child's name is kept and looked for: given and family name normalised as matching does. */
    public static String nameKey(String name) {
        String key = Names.normalise(name);
        return key.length() > 300 ? key.substring(0, 300) : key;
    }

    private static String childNameKey(AgencyAlert a) {
        if (a.getChild() == null) {
            return null;
        }
        String key = nameKey(a.getChild().getGivenName() + " " + a.getChild().getFamilyName());
        return key.isEmpty() ? null : key;
    }

    /**
     * Gives search keys to up to {@code batch} alerts kept before they existed (not purged); returns how many. Safe to
     * run on several instances at once: each alert's keys come from its own payload.
     */
    public int fillMissingSearchKeys(int batch) {
        List<Object[]> rows = jdbc.query("select alert_id, payload from delivered_alert where police_reference_key is null"
                        + " and child_name_key is null and purged_at is null and length(payload) > 0 limit ?",
                (rs, n) -> {
                    AgencyAlert a = AvroRecords.fromBinary(rs.getBytes(2), AgencyAlert.getClassSchema());
                    // a key that stays empty is written as '' so the alert is not read again
                    String ref = policeReferenceKey(a.getPoliceReference());
                    String name = childNameKey(a);
                    return new Object[]{ref == null ? "" : ref, a.getChild() == null ? null : a.getChild().getChildId(),
                            name == null ? "" : name, rs.getObject(1)};
                }, batch);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("update delivered_alert set police_reference_key = ?, child_id = ?, child_name_key = ?"
                    + " where alert_id = ?", rows);
        }
        return rows.size();
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
