package uk.safeguarding.notification.delivery.escalation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.notification.shared.operations.OperationsPanel;
import uk.safeguarding.notification.shared.operations.PanelView;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKindNames;
import uk.safeguarding.notification.shared.web.InboxTime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Delivery's sections of the operations console, from delivery's own tables ({@code delivery}, and
 * {@code delivered_alert} for the recipient's name as the alert gave it): alerts at risk of missing their deadline
 * and alerts past it, with the organisation and the deadline; and alerts by agency kind and delivery state. Alert ids,
 * organisations, kinds, states and times only: never the child or anything the alert says.
 */
@Configuration(proxyBeanMethods = false)
public class DeliveryPanels {

    static final int ROWS = 50;
    private static final String OPEN_STATES = "('SENT', 'DELIVERED', 'FAILED', 'ESCALATED', 'BREACHED')";
    /** The delivery states as columns, in the order an alert moves through them (UNKNOWN is never stored). */
    static final List<String> STATES = List.of("SENT", "DELIVERED", "OPENED", "ACTIONED", "FAILED", "ESCALATED",
            "BREACHED");

    @Bean
    OperationsPanel deadlinesPanel(JdbcTemplate jdbc, DeadlineGauges gauges) {
        return new Panel("deadlines", "Deadlines at risk and breached", 10) {
            @Override
            public PanelView view(Instant now) {
                return deadlines(jdbc, now, gauges.atRiskWindow());
            }
        };
    }

    @Bean
    OperationsPanel deliveriesPanel(JdbcTemplate jdbc) {
        return new Panel("deliveries", "Alerts by agency kind and delivery state", 30) {
            @Override
            public PanelView view(Instant now) {
                return deliveries(jdbc);
            }
        };
    }

    static PanelView deadlines(JdbcTemplate jdbc, Instant now, Duration window) {
        Instant edge = now.plus(window);
        long[] counts = new long[2];
        jdbc.query("select count(*) filter (where due_by > ?) as at_risk, count(*) filter (where due_by <= ?) as breached"
                        + " from delivery where opened_at is null and due_by is not null and state in " + OPEN_STATES
                        + " and due_by <= ?",
                rs -> {
                    counts[0] = rs.getLong("at_risk");
                    counts[1] = rs.getLong("breached");
                }, Timestamp.from(now), Timestamp.from(now), Timestamp.from(edge));
        // the soonest deadlines of those at risk (who to call first), the latest deadlines passed (the newest news)
        List<List<String>> atRisk = rows(jdbc, "d.due_by > ? and d.due_by <= ? order by d.due_by, d.alert_id",
                now, window, DeadlineStanding.AT_RISK, Timestamp.from(now), Timestamp.from(edge));
        List<List<String>> breached = rows(jdbc, "d.due_by <= ? order by d.due_by desc, d.alert_id",
                now, window, DeadlineStanding.BREACHED, Timestamp.from(now));
        List<String> headings = List.of("Organisation", "Organisation id", "Kind", "Deadline", "State", "Alert id");
        String lead = "Alerts not opened: at risk when due within " + hours(window) + ", breached once the deadline"
                + " has passed. Call the organisation; its own inbox holds the alert.";
        return new PanelView(lead, List.of(
                new PanelView.Figure("At risk", Long.toString(counts[0]), counts[0] > 0),
                new PanelView.Figure("Breached, still not opened", Long.toString(counts[1]), counts[1] > 0)),
                List.of(new PanelView.Table("At risk, soonest deadline first", headings, atRisk,
                                "No alert is at risk of missing its deadline."),
                        new PanelView.Table("Breached, latest deadline first", headings, breached,
                                "No alert is past its deadline unopened.")));
    }

    private static List<List<String>> rows(JdbcTemplate jdbc, String where, Instant now, Duration window,
                                           DeadlineStanding wanted, Object... args) {
        List<Object> all = new ArrayList<>(List.of(args));
        all.add(ROWS);
        List<List<String>> rows = new ArrayList<>();
        jdbc.query("select d.alert_id, d.organisation_id, a.organisation_name, d.recipient_kind, d.due_by, d.state,"
                        + " d.opened_at from delivery d left join delivered_alert a on a.alert_id = d.alert_id"
                        + " where d.opened_at is null and d.due_by is not null and d.state in " + OPEN_STATES
                        + " and " + where + " limit ?",
                rs -> {
                    Instant dueBy = rs.getTimestamp("due_by").toInstant();
                    Timestamp opened = rs.getTimestamp("opened_at");
                    String state = rs.getString("state");
                    // the query picks the candidates; the one rule of what "at risk" means decides
                    if (DeadlineStanding.of(state, opened == null ? null : opened.toInstant(), dueBy, now, window)
                            != wanted) {
                        return;
                    }
                    String name = rs.getString("organisation_name");
                    rows.add(List.of(name == null ? "" : name, rs.getString("organisation_id"),
                            OrganisationKindNames.forPeople(rs.getString("recipient_kind")),
                            InboxTime.shortDateTime(dueBy), state.charAt(0) + state.substring(1).toLowerCase(),
                            String.valueOf(rs.getObject("alert_id"))));
                }, all.toArray());
        return rows;
    }

    static PanelView deliveries(JdbcTemplate jdbc) {
        Map<AgencyKind, Map<String, Long>> byKind = new EnumMap<>(AgencyKind.class);
        jdbc.query("select recipient_kind, state, count(*) as n from delivery group by recipient_kind, state", rs -> {
            AgencyKind kind;
            try {
                kind = AgencyKind.valueOf(rs.getString("recipient_kind"));
            } catch (IllegalArgumentException e) {
                return; // a kind this version does not know: the gauges leave it out too
            }
            byKind.computeIfAbsent(kind, k -> new HashMap<>()).merge(rs.getString("state"), rs.getLong("n"), Long::sum);
        });
        List<String> headings = new ArrayList<>(List.of("Kind", "Alerts"));
        STATES.forEach(s -> headings.add(s.charAt(0) + s.substring(1).toLowerCase()));
        List<List<String>> rows = new ArrayList<>();
        long total = 0;
        long failed = 0;
        for (AgencyKind kind : AgencyKind.values()) {
            Map<String, Long> states = byKind.get(kind);
            if (states == null) {
                continue;
            }
            long alerts = states.values().stream().mapToLong(Long::longValue).sum();
            total += alerts;
            failed += states.getOrDefault("FAILED", 0L);
            List<String> row = new ArrayList<>(List.of(OrganisationKindNames.forPeople(kind.name()), Long.toString(alerts)));
            STATES.forEach(s -> row.add(Long.toString(states.getOrDefault(s, 0L))));
            rows.add(row);
        }
        return new PanelView("Every alert delivery has received, by the kind of organisation it went to and the"
                + " furthest state it has reached.", List.of(
                new PanelView.Figure("Alerts", Long.toString(total), false),
                new PanelView.Figure("Failed to deliver", Long.toString(failed), failed > 0)),
                List.of(new PanelView.Table("Alerts by kind and state", headings, rows,
                        "Delivery has received no alert yet.")));
    }

    private static String hours(Duration window) {
        long minutes = window.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + (minutes == 60 ? " hour" : " hours") : minutes + " minutes";
    }

    /** A delivery section: its id, title and place; the content comes from the subclass. */
    private abstract static class Panel implements OperationsPanel {
        private final String id;
        private final String title;
        private final int order;

        Panel(String id, String title, int order) {
            this.id = id;
            this.title = title;
            this.order = order;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String title() {
            return title;
        }

        @Override
        public String module() {
            return "delivery";
        }

        @Override
        public int order() {
            return order;
        }
    }
}
