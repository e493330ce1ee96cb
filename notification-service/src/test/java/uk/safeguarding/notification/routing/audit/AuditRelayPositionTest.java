package uk.safeguarding.notification.routing.audit;

import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.shared.audit.DisclosureEvent;
import uk.safeguarding.notification.shared.audit.AuditRelay;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.safeguarding.avro.DisclosureAction;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.TopicProbe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The audit relay reads from a position, not from marks on the rows: a disclosure recorded by a transaction that
 * started earlier but commits later than others must still be published, never left behind the position.
 */
class AuditRelayPositionTest extends IntegrationTestSupport {

    private static TopicProbe<DisclosureRecorded> audit;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditRelay relay;

    @BeforeAll
    static void probe() {
        audit = TopicProbe.on(Topics.AUDIT);
    }

    @AfterAll
    static void closeProbe() {
        audit.close();
    }

    private static DisclosureEvent disclosure(String childId) {
        return new DisclosureEvent(UUID.randomUUID(), DisclosureAction.ALERT_OPENED,
                TestClock.clock().instant().truncatedTo(ChronoUnit.MILLIS), "T-P-" + unique(), "T-SCH-" + unique(), childId,
                "T-INC-" + unique(), UUID.randomUUID(), List.of("voiceOfChild"), "2026-11-1", "basis");
    }

    private boolean behindThePosition(UUID eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select (a.tx, a.seq) <= (p.tx, p.seq) from disclosure_audit a"
                + " join outbox_position p on p.outbox = 'audit' where a.event_id = ?", Boolean.class, eventId));
    }

    @Test
    void aDisclosureCommittedLateByAnOlderTransactionIsStillPublished() throws Exception {
        // given a disclosure recorded by a transaction that stays open
        DisclosureEvent early = disclosure("T-CH-" + unique());
        try (Connection open = jdbc.getDataSource().getConnection()) {
            open.setAutoCommit(false);
            try (PreparedStatement insert = open.prepareStatement("insert into disclosure_audit (event_id, action,"
                    + " occurred_at, actor, organisation_id, child_id, incident_id, alert_id, fields, policy_version,"
                    + " lawful_basis) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, early.eventId());
                insert.setString(2, early.action().name());
                insert.setTimestamp(3, Timestamp.from(early.occurredAt()));
                insert.setString(4, early.actor());
                insert.setString(5, early.organisationId());
                insert.setString(6, early.childId());
                insert.setString(7, early.incidentId());
                insert.setObject(8, early.alertId());
                insert.setArray(9, open.createArrayOf("text", early.fields().toArray()));
                insert.setString(10, early.policyVersion());
                insert.setString(11, early.lawfulBasis());
                insert.executeUpdate();
            }

            // when a later disclosure commits first and the relay runs
            DisclosureEvent late = disclosure("T-CH-" + unique());
            trail.recordAll(List.of(late));
            relay.relay();

            // then the relay has not moved past the later one while the earlier transaction is still open
            assertThat(behindThePosition(late.eventId())).isFalse();

            // and once the earlier transaction commits, both are published, and the position passes both
            open.commit();
            List<DisclosureRecorded> published = audit.await(2, r -> r.getEventId().equals(early.eventId().toString())
                    || r.getEventId().equals(late.eventId().toString()));
            assertThat(published).extracting(DisclosureRecorded::getChildId)
                    .containsExactlyInAnyOrder(early.childId(), late.childId());
            await().untilAsserted(() -> {
                assertThat(behindThePosition(early.eventId())).isTrue();
                assertThat(behindThePosition(late.eventId())).isTrue();
            });
        }
    }
}
