package uk.safeguarding.notification.routing.family;

import uk.safeguarding.avro.FamilyHistory;
import uk.safeguarding.avro.PriorIncident;
import uk.safeguarding.serde.GeneratedAvroClasses;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A family's history as every alert carries it: the family's OTHER incidents (counted by incident id, so revisions of
 * one incident count once and the incident itself never) in the window before this incident occurred, newest first.
 */
public final class FamilyHistories {

    static {
        GeneratedAvroClasses.trust();
    }

    /** The history window every alert reports ("incidents in the last 12 months"). */
    public static final Period WINDOW = Period.ofMonths(12);
    /** Calendar months are counted in England and Wales' local time. */
    public static final ZoneId ZONE = ZoneId.of("Europe/London");
    /** The most earlier incidents an alert lists (the count is always complete). */
    public static final int LISTED = 10;

    private FamilyHistories() {
    }

    /** The start of the window ending at {@code occurredAt}. */
    public static Instant windowStart(Instant occurredAt, Period window) {
        return occurredAt.atZone(ZONE).minus(window).toInstant();
    }

    /**
     * The family's distinct other incidents that occurred within {@code window} before {@code occurredAt} (bounds
     * included), newest first.
     */
    public static List<FamilyIncident> priorIncidents(String incidentId, Instant occurredAt, Period window,
                                                      Collection<FamilyIncident> familyIncidents) {
        Instant from = windowStart(occurredAt, window);
        Map<String, FamilyIncident> byId = new LinkedHashMap<>();
        for (FamilyIncident i : familyIncidents) {
            if (i.incidentId().equals(incidentId) || i.occurredAt().isBefore(from) || i.occurredAt().isAfter(occurredAt)) {
                continue;
            }
            byId.merge(i.incidentId(), i, (a, b) -> a.occurredAt().isAfter(b.occurredAt()) ? a : b);
        }
        List<FamilyIncident> prior = new ArrayList<>(byId.values());
        prior.sort(Comparator.comparing(FamilyIncident::occurredAt).reversed().thenComparing(FamilyIncident::incidentId));
        return prior;
    }

    /** The history an alert carries, over {@link #WINDOW}, listing at most {@link #LISTED} incidents. */
    public static FamilyHistory of(String incidentId, Instant occurredAt, Collection<FamilyIncident> familyIncidents) {
        List<FamilyIncident> prior = priorIncidents(incidentId, occurredAt, WINDOW, familyIncidents);
        List<PriorIncident> listed = prior.stream().limit(LISTED)
                .map(i -> PriorIncident.newBuilder().setIncidentId(i.incidentId()).setForceCode(i.forceCode())
                        .setOccurredAt(i.occurredAt()).setRiskLevel(i.riskLevel()).build())
                .toList();
        return FamilyHistory.newBuilder()
                .setIncidentsLast12Months(prior.size())
                .setRepeat(!prior.isEmpty())
                .setIncidents(new ArrayList<>(listed))
                .build();
    }
}
