package uk.safeguarding.notification.routing.audit;

import uk.safeguarding.notification.shared.audit.AuditTrail;
import uk.safeguarding.notification.shared.audit.DisclosureEvent;

import uk.safeguarding.testkit.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import uk.safeguarding.avro.DisclosureAction;
import uk.safeguarding.notification.IntegrationTestSupport;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** disclosure_audit is append-only: history cannot be rewritten or removed, only anonymised. */
class DisclosureAuditTableTest extends IntegrationTestSupport {

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditReader reader;

    private DisclosureEvent givenARecordedDisclosure(String childId, Instant at) {
        DisclosureEvent event = new DisclosureEvent(UUID.randomUUID(), DisclosureAction.ALERT_OPENED, at, "T-P-" + unique(),
                "T-SCH-" + unique(), childId, "T-INC-" + unique(), UUID.randomUUID(), List.of("voiceOfChild"),
                "2026-11-1", "basis");
        trail.recordAll(List.of(event));
        return event;
    }

    @Test
    void anUpdateOrDeleteOfARecordedDisclosureIsRefused() {
        // given
        String child = "T-CH-" + unique();
        DisclosureEvent event = givenARecordedDisclosure(child, TestClock.clock().instant().truncatedTo(ChronoUnit.MILLIS));

        // when / then: rewriting who saw it, what was seen or when, or deleting it, all fail
        assertThatThrownBy(() -> jdbc.update("update disclosure_audit set organisation_id = 'T-ELSEWHERE' where event_id = ?",
                event.eventId())).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update disclosure_audit set fields = '{}' where event_id = ?",
                event.eventId())).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update disclosure_audit set child_id = 'T-CH-OTHER' where event_id = ?",
                event.eventId())).isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from disclosure_audit where event_id = ?", event.eventId()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate disclosure_audit"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");

        // and the record is as it was
        assertThat(reader.forChild(child, 10)).extracting(AuditReader.Recorded::event).containsExactly(event);
    }

    @Test
    void anonymisingLeavesAStubWithoutTheChildIncidentAlertOrPerson() {
        // given one disclosure long ago and one now
        String child = "T-CH-" + unique();
        Instant longAgo = Instant.parse("2019-01-01T00:00:00Z");
        DisclosureEvent old = givenARecordedDisclosure(child, longAgo);
        DisclosureEvent recent = givenARecordedDisclosure(child, TestClock.clock().instant().truncatedTo(ChronoUnit.MILLIS));

        // when the retention purge anonymises what is older than 2020
        Integer anonymised = jdbc.queryForObject("select anonymise_disclosure_audit(?)", Integer.class,
                Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")));

        // then the old one is a stub and the recent one is untouched
        assertThat(anonymised).isGreaterThanOrEqualTo(1);
        Map<String, Object> stub = jdbc.queryForMap("select * from disclosure_audit where event_id = ?", old.eventId());
        assertThat(stub.get("child_id")).isNull();
        assertThat(stub.get("incident_id")).isNull();
        assertThat(stub.get("alert_id")).isNull();
        assertThat(stub.get("actor")).isEqualTo("anonymised");
        assertThat(stub.get("organisation_id")).isEqualTo(old.organisationId());
        assertThat(stub.get("policy_version")).isEqualTo("2026-11-1");
        assertThat(reader.forChild(child, 10)).extracting(AuditReader.Recorded::event).containsExactly(recent);
    }
}
