package uk.safeguarding.notification.delivery.dispatch;

import uk.safeguarding.notification.TestAlerts;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.DeliveryChannel;
import uk.safeguarding.avro.DeliveryState;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.shared.vocabulary.OrganisationKind;

import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DeliveryLog on the real database: state moves, their timestamps, and the event appended for every step. */
class DeliveryLogTest extends IntegrationTestSupport {

    @Autowired
    private DeliveryLog deliveryLog;

    private String organisationId;
    private final Instant now = TestClock.clock().instant().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void givenAnOrganisation() {
        organisationId = "T-DLOG-" + unique();
        given(new DirectoryDocument(List.of(new DirectoryDocument.Organisation(organisationId, "Log Test School",
                OrganisationKind.SCHOOL, null, null, "Office", "office@log.example", "01234 567890", null, "EX1 1AA")),
                List.of(), List.of(), List.of()));
    }

    private UUID givenSent() {
        UUID alertId = UUID.randomUUID();
        deliveryLog.recordSent(List.of(TestAlerts.alert(alertId, "T-INC-" + unique(), organisationId, "Log Test School",
                AgencyKind.SCHOOL, now.plus(Duration.ofHours(16)), now)), now);
        return alertId;
    }

    private List<String> events(UUID alertId) {
        return jdbc.queryForList("select state || ':' || channel from delivery_event where alert_id = ? order by seq",
                String.class, alertId);
    }

    @Test
    void recordingAnAlertTwiceKeepsOneDeliveryAndOneSentStep() {
        // given an alert recorded once
        UUID alertId = givenSent();

        // when the same alert arrives again (a redelivered batch)
        List<UUID> created = deliveryLog.recordSent(List.of(TestAlerts.alert(alertId, "T-INC-x", organisationId,
                "Log Test School", AgencyKind.SCHOOL, null, now)), now.plusSeconds(5));

        // then nothing new
        assertThat(created).isEmpty();
        assertThat(deliveryLog.find(alertId)).get().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.SENT);
            assertThat(d.dueBy()).isEqualTo(now.plus(Duration.ofHours(16)));
            assertThat(d.createdAt()).isEqualTo(now);
        });
        assertThat(events(alertId)).containsExactly("SENT:PLATFORM");
    }

    @Test
    void aDeliveryMovesTheStateAndAnOpeningRecordsWhoAndWhen() {
        // given
        UUID alertId = givenSent();

        // when delivered by email, then opened by a key adult
        DeliveryLog.Step delivered = deliveryLog.record(alertId, DeliveryState.DELIVERED, DeliveryChannel.EMAIL, null,
                "accepted", now.plusSeconds(1));
        DeliveryLog.Step opened = deliveryLog.record(alertId, DeliveryState.OPENED, DeliveryChannel.INBOX, "T-P-1",
                "opened", now.plusSeconds(60));

        // then
        assertThat(delivered.before()).isEqualTo(DeliveryState.SENT);
        assertThat(delivered.after()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(opened.moved()).isTrue();
        assertThat(deliveryLog.find(alertId)).get().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.OPENED);
            assertThat(d.openedAt()).isEqualTo(now.plusSeconds(60));
            assertThat(d.openedBy()).isEqualTo("T-P-1");
        });
        assertThat(events(alertId)).containsExactly("SENT:PLATFORM", "DELIVERED:EMAIL", "OPENED:INBOX");
    }

    @Test
    void aStepThatDoesNotMoveTheStateIsStillRecordedAsAnEvent() {
        // given an alert opened
        UUID alertId = givenSent();
        deliveryLog.record(alertId, DeliveryState.OPENED, DeliveryChannel.INBOX, "T-P-1", "", now.plusSeconds(1));

        // when a webhook failure and a breach arrive after it
        DeliveryLog.Step failed = deliveryLog.record(alertId, DeliveryState.FAILED, DeliveryChannel.WEBHOOK, null,
                "webhook answered 503", now.plusSeconds(2));
        DeliveryLog.Step breached = deliveryLog.record(alertId, DeliveryState.BREACHED, DeliveryChannel.PLATFORM, null,
                "", now.plusSeconds(3));

        // then the reading stands; both steps are in the record
        assertThat(failed.moved()).isFalse();
        assertThat(breached.moved()).isFalse();
        assertThat(deliveryLog.find(alertId)).get().satisfies(d -> {
            assertThat(d.state()).isEqualTo(DeliveryState.OPENED);
        });
        assertThat(jdbc.queryForObject("select breached_at from delivery where alert_id = ?", Object.class, alertId)).isNull();
        assertThat(events(alertId)).containsExactly("SENT:PLATFORM", "OPENED:INBOX", "FAILED:WEBHOOK", "BREACHED:PLATFORM");
    }

    @Test
    void escalationAndBreachStampTheirTimes() {
        UUID alertId = givenSent();

        deliveryLog.record(alertId, DeliveryState.ESCALATED, DeliveryChannel.PLATFORM, null, "", now.plusSeconds(10));
        deliveryLog.record(alertId, DeliveryState.BREACHED, DeliveryChannel.PLATFORM, null, "", now.plusSeconds(20));

        assertThat(deliveryLog.find(alertId)).get().extracting(DeliveryLog.Delivery::state).isEqualTo(DeliveryState.BREACHED);
        assertThat(jdbc.queryForMap("select escalated_at, breached_at from delivery where alert_id = ?", alertId))
                .satisfies(row -> {
                    assertThat(((java.sql.Timestamp) row.get("escalated_at")).toInstant()).isEqualTo(now.plusSeconds(10));
                    assertThat(((java.sql.Timestamp) row.get("breached_at")).toInstant()).isEqualTo(now.plusSeconds(20));
                });
    }

    @Test
    void aStepForAnUnknownAlertIsRefused() {
        assertThatThrownBy(() -> deliveryLog.record(UUID.randomUUID(), DeliveryState.OPENED, DeliveryChannel.INBOX,
                "T-P-1", "", now)).isInstanceOf(IllegalArgumentException.class);
    }
}
