package uk.safeguarding.notification.delivery.dispatch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.shared.audit.DisclosureEvent;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one place an alert's delivery state changes. Each step moves the state by {@link DeliveryStates} and is
 * appended to {@code delivery_event} in the same database transaction; that table is also the outbox the status
 * relay publishes to {@code alerts.status}, so a state change and its status event can never disagree.
 */
@Component
public class DeliveryLog {

    private final JdbcTemplate jdbc;
    private final AuditTrail audit;
    private final DeliveredAlerts delivered;

    public DeliveryLog(JdbcTemplate jdbc, AuditTrail audit, DeliveredAlerts delivered) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.delivered = delivered;
    }

    /** An alert arriving for delivery, as its delivery row records it. */
    private record NewDelivery(UUID alertId, String incidentId, String organisationId, AgencyKind recipientKind,
                               Instant dueBy) {
        static NewDelivery of(AgencyAlert a) {
            return new NewDelivery(UUID.fromString(a.getAlertId()), a.getIncidentId(),
                    a.getRecipient().getOrganisationId(), a.getRecipient().getKind(), a.getDueBy());
        }
    }

    /** A delivery as it stands. */
    public record Delivery(UUID alertId, String incidentId, String organisationId, AgencyKind recipientKind,
                           Instant dueBy, DeliveryState state, Instant createdAt, Instant openedAt, String openedBy,
                           Instant actionedAt, String actionedBy, RecipientAction action, String actionNote) {
    }

    /** What a step did: the state before and after it (equal when the step did not move it). */
    public record Step(UUID eventId, DeliveryState before, DeliveryState after) {
        public boolean moved() {
            return before != after;
        }
    }

    /**
     * Records alerts arriving for delivery, each with a SENT step, delivery's own copy of the alert and its disclosure
     * to the recipient in the audit. Idempotent: an alert already known (a redelivered batch, or the same alert twice
     * in one batch) is left as it is. Returns the alerts that were new, in the order given.
     */
    @Transactional
    public List<UUID> recordSent(List<AgencyAlert> received, Instant at) {
        Map<UUID, AgencyAlert> alerts = new LinkedHashMap<>();
        for (AgencyAlert a : received) {
            alerts.putIfAbsent(UUID.fromString(a.getAlertId()), a);
        }
        List<NewDelivery> deliveries = alerts.values().stream().map(NewDelivery::of).toList();
        if (deliveries.isEmpty()) {
            return List.of();
        }
        // one statement for the batch; what it inserted (returning) is what was new
        Timestamp sentAt = Timestamp.from(at);
        List<UUID> inserted = jdbc.query(con -> {
            var ps = con.prepareStatement("insert into delivery (alert_id, incident_id, organisation_id, recipient_kind,"
                    + " due_by, state, created_at) select a, i, o, k, d, ?, ? from unnest(?::uuid[], ?::text[],"
                    + " ?::text[], ?::text[], ?::timestamptz[]) as n(a, i, o, k, d)"
                    + " on conflict do nothing returning alert_id");
            ps.setString(1, DeliveryState.SENT.name());
            ps.setTimestamp(2, sentAt);
            ps.setArray(3, con.createArrayOf("uuid", deliveries.stream().map(NewDelivery::alertId).toArray()));
            ps.setArray(4, con.createArrayOf("text", deliveries.stream().map(NewDelivery::incidentId).toArray()));
            ps.setArray(5, con.createArrayOf("text", deliveries.stream().map(NewDelivery::organisationId).toArray()));
            ps.setArray(6, con.createArrayOf("text", deliveries.stream().map(d -> d.recipientKind().name()).toArray()));
            ps.setArray(7, con.createArrayOf("timestamptz", deliveries.stream().map(d -> timestamp(d.dueBy())).toArray()));
            return ps;
        }, (rs, n) -> (UUID) rs.getObject(1));
        // in the order given, not the order the database returned them
        Set<UUID> fresh = new HashSet<>(inserted);
        List<UUID> created = deliveries.stream().map(NewDelivery::alertId).filter(fresh::remove).toList();
        jdbc.batchUpdate("insert into delivery_event (event_id, alert_id, state, channel, occurred_at, actor_id, detail)"
                + " values (?, ?, ?, ?, ?, null, ?)", created.stream().map(id -> new Object[]{UUID.randomUUID(), id,
                DeliveryState.SENT.name(), DeliveryChannel.PLATFORM.name(), sentAt, "alert routed"}).toList());
        // delivery keeps each new alert as received; each alert now in its organisation's inbox is a disclosure to that
        // organisation (same transaction, one batch each)
        List<AgencyAlert> arrived = created.stream().map(alerts::get).toList();
        delivered.keepAll(arrived);
        audit.recordDelivered(arrived, at);
        return created;
    }

    /** Records one step and moves the state if the step allows it. */
    @Transactional
    public Step record(UUID alertId, DeliveryState step, DeliveryChannel channel, String actorId, String detail,
                       Instant at) {
        DeliveryState before = jdbc.query("select state from delivery where alert_id = ? for update",
                rs -> rs.next() ? DeliveryState.valueOf(rs.getString(1)) : null, alertId);
        if (before == null) {
            throw new IllegalArgumentException("No delivery for alert " + alertId);
        }
        DeliveryState after = DeliveryStates.after(before, step).orElse(before);
        if (after != before) {
            String column = switch (after) {
                case OPENED -> ", opened_at = ?, opened_by = ?";
                case ACTIONED -> ", actioned_at = ?, actioned_by = ?";
                case ESCALATED -> ", escalated_at = ?";
                case BREACHED -> ", breached_at = ?";
                default -> "";
            };
            List<Object> args = new ArrayList<>();
            args.add(after.name());
            if (!column.isEmpty()) {
                args.add(Timestamp.from(at));
                if (column.contains("_by")) {
                    args.add(actorId);
                }
            }
            args.add(alertId);
            jdbc.update("update delivery set state = ?" + column + " where alert_id = ?", args.toArray());
        }
        UUID eventId = appendEvent(alertId, step, channel, actorId, detail, at);
        if (step == DeliveryState.OPENED && actorId != null) {
            // a person read it: a disclosure, audited in the same transaction (one event per person and alert)
            delivered.find(alertId).ifPresent(a -> audit.recordAll(List.of(DisclosureEvent.alertOpened(a, actorId, at))));
        }
        return new Step(eventId, before, after);
    }

    /** Records what a person did about an alert they have opened. */
    @Transactional
    public Step recordAction(UUID alertId, String personId, RecipientAction action, String note, Instant at) {
        Step step = record(alertId, DeliveryState.ACTIONED, DeliveryChannel.INBOX, personId, action.name(), at);
        jdbc.update("update delivery set action = ?, action_note = ? where alert_id = ?",
                action.name(), note, alertId);
        return step;
    }

    public Optional<Delivery> find(UUID alertId) {
        return jdbc.query("select * from delivery where alert_id = ?", (rs, n) -> new Delivery(
                (UUID) rs.getObject("alert_id"), rs.getString("incident_id"), rs.getString("organisation_id"),
                AgencyKind.valueOf(rs.getString("recipient_kind")), instant(rs.getTimestamp("due_by")),
                DeliveryState.valueOf(rs.getString("state")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("opened_at")), rs.getString("opened_by"),
                instant(rs.getTimestamp("actioned_at")), rs.getString("actioned_by"),
                rs.getString("action") == null ? null : RecipientAction.valueOf(rs.getString("action")),
                rs.getString("action_note")), alertId).stream().findFirst();
    }

    private UUID appendEvent(UUID alertId, DeliveryState state, DeliveryChannel channel, String actorId,
                             String detail, Instant at) {
        UUID eventId = UUID.randomUUID();
        jdbc.update("insert into delivery_event (event_id, alert_id, state, channel, occurred_at, actor_id, detail)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                eventId, alertId, state.name(), channel.name(), Timestamp.from(at), actorId,
                detail == null ? "" : detail);
        return eventId;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
