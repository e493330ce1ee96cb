package uk.safeguarding.notification.routing.ledger;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.notification.routing.router.RevisionDecisions;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every incident revision received, with what was decided and the record it came from. */
@Component
public class IncidentRevisions {

    private final JdbcTemplate jdbc;

    public IncidentRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(String incidentId, RevisionDecisions.Recorded recorded) {
    }

    public Map<String, List<RevisionDecisions.Recorded>> findByIncidentIds(Collection<String> incidentIds) {
        Map<String, List<RevisionDecisions.Recorded>> byIncident = new HashMap<>();
        if (incidentIds.isEmpty()) {
            return byIncident;
        }
        jdbc.query("select incident_id, revision, outcome, source_topic, source_partition, source_offset"
                        + " from incident_revision where incident_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", incidentIds.toArray())),
                rs -> {
                    byIncident.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new RevisionDecisions.Recorded(
                            rs.getInt(2), RevisionDecisions.Outcome.valueOf(rs.getString(3)),
                            new RecordPosition(rs.getString(4), rs.getInt(5), rs.getLong(6))));
                });
        return byIncident;
    }

    public void insertAll(List<Row> rows, Instant receivedAt) {
        if (rows.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(receivedAt);
        jdbc.batchUpdate("insert into incident_revision (incident_id, revision, outcome, source_topic, source_partition,"
                        + " source_offset, received_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                rows.stream().map(r -> new Object[]{r.incidentId(), r.recorded().revision(), r.recorded().outcome().name(),
                        r.recorded().source().topic(), r.recorded().source().partition(), r.recorded().source().offset(),
                        at}).toList());
    }
}
