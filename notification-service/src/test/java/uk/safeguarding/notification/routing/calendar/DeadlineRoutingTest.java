package uk.safeguarding.notification.routing.calendar;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.notification.routing.directory.DirectoryService;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every alert on the topics carries its dueBy: the school's by its calendar, the GP's by working hours. */
class DeadlineRoutingTest extends IntegrationTestSupport {

    /** Friday 13 November 2026, 19:30 in London (GMT): a school without a calendar of its own follows the sample. */
    static final Instant FRIDAY_EVENING = Calendars.london("2026-11-13T19:30");

    private TopicProbe<AgencyAlert> schools;
    private TopicProbe<AgencyAlert> nurses;
    private TopicProbe<AgencyAlert> gps;

    @BeforeEach
    void probes() {
        schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
        nurses = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL_NURSE));
        gps = TopicProbe.on(Topics.alerts(AgencyKind.GP));
    }

    @AfterEach
    void close() {
        schools.close();
        nurses.close();
        gps.close();
    }

    /** A pupil of the test directory's school, reported by police at the given instant. */
    static IncidentReported pupilIncident(TestDirectory dir, String family, Instant reportedAt) {
        return SampleIncidents.incident("TST", "DUE-" + dir.token())
                .setOccurredAt(reportedAt.minusSeconds(1800))
                .setReportedAt(reportedAt)
                .setChildren(new ArrayList<>(List.of(
                        SampleIncidents.child("Perpetua", family, LocalDate.of(2016, 6, 1)).build())))
                .build();
    }

    static void givenAPupil(DirectoryService directory, TestDirectory dir, String family) {
        directory.importDocument(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild("T-CH-DUE-" + dir.token(), "Perpetua", family, LocalDate.of(2016, 6, 1), null)),
                List.of(), List.of()));
    }

    @Test
    void anIncidentReceivedOnAFridayEveningIsDueAtTheSchoolOnMondayAtHalfPastEightAndAtTheGpWithinFourWorkingHours() {
        // given a pupil whose school has no calendar of its own
        TestDirectory dir = TestDirectory.create(unique());
        String family = familyName("Ambleside");
        givenAPupil(directory, dir, family);
        IncidentReported incident = pupilIncident(dir, family, FRIDAY_EVENING);

        // when
        produce(incident);

        // then
        String id = incident.getIncidentId();
        AgencyAlert school = schools.await(1, a -> a.getIncidentId().equals(id)).get(0);
        AgencyAlert nurse = nurses.await(1, a -> a.getIncidentId().equals(id)).get(0);
        AgencyAlert gp = gps.await(1, a -> a.getIncidentId().equals(id)).get(0);
        assertThat(school.getDueBy()).isEqualTo(Instant.parse("2026-11-16T08:30:00Z"));
        assertThat(nurse.getDueBy()).isEqualTo(Instant.parse("2026-11-16T08:30:00Z"));
        assertThat(gp.getDueBy()).isEqualTo(Instant.parse("2026-11-16T13:00:00Z"));
        assertThat(school.getRoutedAt()).isAfter(FRIDAY_EVENING);
    }
}
