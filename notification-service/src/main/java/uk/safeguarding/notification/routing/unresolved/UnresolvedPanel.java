package uk.safeguarding.notification.routing.unresolved;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.notification.shared.operations.Ages;
import uk.safeguarding.notification.shared.operations.OperationsPanel;
import uk.safeguarding.notification.shared.operations.PanelView;
import uk.safeguarding.notification.shared.web.InboxTime;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Routing's section of the operations console: the working list of children not matched, its size, how long the
 * oldest has waited and why they wait (the reason codes). Counts, reasons and times only, never a child: the
 * caseworkers' own pages ({@code /inbox/unresolved}) hold them. The same query as the gauges
 * ({@link UnresolvedGauges}), read at once rather than from the last refresh.
 */
@Component
public class UnresolvedPanel implements OperationsPanel {

    /** Waiting longer than this is worth a look: the alert rule UnresolvedChildWaitingTooLong fires at 4 hours. */
    static final Duration LONG_WAIT = Duration.ofHours(4);

    private final JdbcTemplate jdbc;

    public UnresolvedPanel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "unresolved";
    }

    @Override
    public String title() {
        return "Children not matched (the working list)";
    }

    @Override
    public String module() {
        return "routing";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public PanelView view(Instant now) {
        List<List<String>> rows = new ArrayList<>();
        long[] waiting = {0};
        Instant[] oldest = {null};
        jdbc.query("select reason, count(*) as n, min(received_at) as oldest from unresolved_child where status = 'OPEN'"
                + " group by reason order by n desc, reason", rs -> {
                    Instant since = rs.getTimestamp("oldest").toInstant();
                    waiting[0] += rs.getLong("n");
                    if (oldest[0] == null || since.isBefore(oldest[0])) {
                        oldest[0] = since;
                    }
                    rows.add(List.of(rs.getString("reason"), Long.toString(rs.getLong("n")),
                            InboxTime.shortDateTime(since), Ages.of(Duration.between(since, now))));
                });
        Duration age = oldest[0] == null ? Duration.ZERO : Duration.between(oldest[0], now);
        return new PanelView("Children police named whom the platform could not match to the directory: the local"
                + " authority's caseworkers resolve them. Their alerts wait until then.", List.of(
                new PanelView.Figure("Waiting", Long.toString(waiting[0]), false),
                new PanelView.Figure("Oldest has waited", oldest[0] == null ? "none waiting" : Ages.of(age),
                        age.compareTo(LONG_WAIT) > 0)),
                List.of(new PanelView.Table("Waiting, by reason", List.of("Reason", "Waiting", "Oldest received",
                        "Waited"), rows, "No child is waiting to be matched.")));
    }
}
