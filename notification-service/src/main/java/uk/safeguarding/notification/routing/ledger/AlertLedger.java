package uk.safeguarding.notification.routing.ledger;

import uk.safeguarding.notification.shared.kafka.AvroRecords;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger: one row per alert sent, keyed (incident_id, revision, child_id, recipient_org_id), with the incident
 * record it came from and the alert itself. Written in batches, inside the routing database transaction.
 */
@Component
public class AlertLedger {

    private static final String INSERT = "insert into alert_ledger (alert_id, incident_id, revision, child_id,"
            + " recipient_org_id, recipient_kind, topic, routing_reason, routed_at, source_topic, source_partition,"
            + " source_offset, payload) values (?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict do nothing";

    private final JdbcTemplate jdbc;

    public AlertLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a purged alert reads as: its content is gone (see retention). */
    public static final String PURGED_JSON = "{\"purged\": true}";

    /**
     * A recorded alert as plain JSON, for people and pages, from the ledger's Avro payload. The ledger keeps only the
     * payload: writing a JSON copy of every alert as well cost routing as much again in the database, and alerts are
     * written far more often than they are read.
     */
    public static String json(byte[] payload) {
        if (payload == null || payload.length == 0) {
            return PURGED_JSON;
        }
        return AvroRecords.toJson(AvroRecords.<AgencyAlert>fromBinary(payload, AgencyAlert.getClassSchema()));
    }

    /** An alert to record: the alert, the topic it goes to, the incident record it came from. */
    public record Entry(AgencyAlert alert, String topic, RecordPosition source) {
    }

    /** A recorded alert, decoded from the ledger, and its topic. */
    public record Recorded(AgencyAlert alert, String topic) {
    }

    public void insertAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            AgencyAlert a = e.alert();
            rows.add(new Object[]{a.getAlertId(), a.getIncidentId(), a.getIncidentRevision(), a.getChild().getChildId(),
                    a.getRecipient().getOrganisationId(), a.getRecipient().getKind().name(), e.topic(),
                    a.getRoutingReason().name(), Timestamp.from(a.getRoutedAt()), e.source().topic(),
                    e.source().partition(), e.source().offset(), AvroRecords.toBinary(a)});
        }
        jdbc.batchUpdate(INSERT, rows);
    }

    /**
     * Records one alert unless the ledger already holds it (same incident, revision, child and recipient); true when
     * it was recorded now. For the few alerts of a resolution, where what is new must be known exactly (batched
     * inserts do not report per row).
     */
    public boolean insertIfNew(Entry e) {
        AgencyAlert a = e.alert();
        return jdbc.update(INSERT, a.getAlertId(), a.getIncidentId(), a.getIncidentRevision(), a.getChild().getChildId(),
                a.getRecipient().getOrganisationId(), a.getRecipient().getKind().name(), e.topic(),
                a.getRoutingReason().name(), Timestamp.from(a.getRoutedAt()), e.source().topic(),
                e.source().partition(), e.source().offset(), AvroRecords.toBinary(a)) == 1;
    }

    /** The alerts recorded from these incident records, to re-send after an aborted Kafka transaction. */
    public List<Recorded> findBySources(Collection<RecordPosition> sources) {
        if (sources.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select a.payload, a.topic from alert_ledger a"
                        + " join unnest(?::text[], ?::int[], ?::bigint[]) as s(t, p, o)"
                        + " on a.source_topic = s.t and a.source_partition = s.p and a.source_offset = s.o"
                        + " where a.purged_at is null" // a purged alert has no payload left to re-send
                        + " order by a.source_partition, a.source_offset, a.alert_id",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", sources.stream().map(RecordPosition::topic).toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("int4", sources.stream().map(RecordPosition::partition).toArray()));
                    ps.setArray(3, ps.getConnection().createArrayOf("int8", sources.stream().map(RecordPosition::offset).toArray()));
                },
                (rs, n) -> new Recorded(AvroRecords.fromBinary(rs.getBytes(1), AgencyAlert.getClassSchema()),
                        rs.getString(2)));
    }

    /** An earlier revision's alert for the same incident, child and recipient. */
    public record Key(String incidentId, String childId, String recipientOrganisationId) {
        public static Key of(AgencyAlert a) {
            return new Key(a.getIncidentId(), a.getChild().getChildId(), a.getRecipient().getOrganisationId());
        }
    }

    /**
     * For each incident and revision given, the latest alert recorded for an EARLIER revision of it, per child and
     * recipient (one query for the batch).
     */
    public Map<Key, AgencyAlert> latestBefore(Map<String, Integer> revisionByIncident) {
        Map<Key, AgencyAlert> latest = new HashMap<>();
        if (revisionByIncident.isEmpty()) {
            return latest;
        }
        jdbc.query("select distinct on (l.incident_id, l.child_id, l.recipient_org_id) l.payload from alert_ledger l"
                        + " join unnest(?::text[], ?::int[]) as r(id, rev) on l.incident_id = r.id and l.revision < r.rev"
                        + " order by l.incident_id, l.child_id, l.recipient_org_id, l.revision desc",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", revisionByIncident.keySet().toArray()));
                    ps.setArray(2, ps.getConnection().createArrayOf("int4", revisionByIncident.values().toArray()));
                },
                rs -> {
                    AgencyAlert a = AvroRecords.fromBinary(rs.getBytes(1), AgencyAlert.getClassSchema());
                    latest.put(Key.of(a), a);
                });
        return latest;
    }
}
