package uk.safeguarding.notification.routing.ledger;

import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AlertUpdate;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.avro.RevisionKind;
import uk.safeguarding.notification.shared.vocabulary.AlertIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A newer revision of an incident updates the alerts of the earlier one: each alert whose (child, recipient) had an
 * alert for an earlier revision carries {@code update} (which alert it replaces and what changed), and a recipient that
 * had one but gets none for this revision is told the incident no longer concerns it. One ledger query per batch
 * (the edge), then {@link #decide} (plain Java).
 */
@Component
public class RevisionUpdates {

    private final AlertLedger ledger;

    public RevisionUpdates(AlertLedger ledger) {
        this.ledger = ledger;
    }

    /** One routed incident revision and all its alerts. */
    public record Revision(IncidentReported incident, List<AgencyAlert> alerts) {
    }

    /**
     * Sets {@code update} on the alerts of revisions after the first and returns the "no longer concerns this
     * recipient" alerts to send as well.
     */
    public List<AgencyAlert> apply(List<Revision> batch, Instant routedAt) {
        Map<String, Integer> revised = new LinkedHashMap<>();
        for (Revision r : batch) {
            if (r.incident().getRevision() > 1) {
                revised.merge(r.incident().getIncidentId(), r.incident().getRevision(), Math::max);
            }
        }
        if (revised.isEmpty()) {
            return List.of();
        }
        return decide(batch, ledger.latestBefore(revised), routedAt);
    }

    /**
     * The decision, with no database: sets {@code update} on the batch's alerts of later revisions and returns the
     * "no longer concerns this recipient" notices.
     *
     * @param recorded the latest alert the ledger holds for each (incident, child, recipient) of the batch's revised
     *                 incidents, from revisions before the batch's
     */
    public static List<AgencyAlert> decide(List<Revision> batch, Map<AlertLedger.Key, AgencyAlert> recorded,
                                           Instant routedAt) {
        Map<String, Integer> revised = new LinkedHashMap<>();
        for (Revision r : batch) {
            if (r.incident().getRevision() > 1) {
                revised.merge(r.incident().getIncidentId(), r.incident().getRevision(), Math::max);
            }
        }
        // several revisions of one incident in the same batch: oldest first, each updating the one before it
        List<Revision> ordered = batch.stream().filter(r -> revised.containsKey(r.incident().getIncidentId()))
                .sorted(Comparator.comparing((Revision r) -> r.incident().getRevision())).toList();
        Map<AlertLedger.Key, AgencyAlert> latest = new HashMap<>(recorded);
        List<AgencyAlert> withdrawn = new ArrayList<>();
        for (Revision r : ordered) {
            IncidentReported incident = r.incident();
            RevisionKind kind = incident.getRevisionKind() == null || incident.getRevisionKind() == RevisionKind.REPORT
                    ? RevisionKind.UPDATE : incident.getRevisionKind();
            Map<AlertLedger.Key, AgencyAlert> current = r.alerts().stream()
                    .collect(Collectors.toMap(AlertLedger.Key::of, a -> a, (a, b) -> a, LinkedHashMap::new));
            for (AgencyAlert a : r.alerts()) {
                AgencyAlert previous = latest.get(AlertLedger.Key.of(a));
                if (previous != null && previous.getIncidentRevision() < a.getIncidentRevision()) {
                    a.setUpdate(AlertUpdates.of(previous, a, kind));
                }
            }
            Set<AlertLedger.Key> before = latest.keySet().stream()
                    .filter(k -> k.incidentId().equals(incident.getIncidentId())).collect(Collectors.toSet());
            for (AlertLedger.Key k : before) {
                AgencyAlert previous = latest.get(k);
                if (!current.containsKey(k) && previous.getIncidentRevision() < incident.getRevision()
                        && !isWithdrawal(previous)) {
                    AgencyAlert notice = withdrawal(previous, incident, kind, routedAt);
                    withdrawn.add(notice);
                    current.put(k, notice);
                }
            }
            latest.putAll(current);
        }
        return withdrawn;
    }

    /** The earlier alert again, for this revision, saying only that the incident no longer concerns the recipient. */
    static AgencyAlert withdrawal(AgencyAlert previous, IncidentReported incident, RevisionKind kind, Instant routedAt) {
        return AgencyAlert.newBuilder(previous)
                .setAlertId(AlertIds.of(incident.getIncidentId(), incident.getRevision(),
                        "update/" + previous.getChild().getChildId(), previous.getRecipient().getOrganisationId()))
                .setIncidentRevision(incident.getRevision())
                .setRoutedAt(routedAt)
                .setDueBy(null)
                .setChildIndex(null) // about no child of this revision's list
                .setUpdate(AlertUpdate.newBuilder().setPreviousRevision(previous.getIncidentRevision())
                        .setPreviousAlertId(previous.getAlertId()).setRevisionKind(kind)
                        .setChanges(new ArrayList<>(List.of(AlertUpdates.NO_LONGER_CONCERNS))).build())
                .build();
    }

    private static boolean isWithdrawal(AgencyAlert a) {
        return a.getUpdate() != null && a.getUpdate().getChanges().stream()
                .anyMatch(c -> AlertUpdates.NO_LONGER_CONCERNS.contentEquals(c));
    }
}
