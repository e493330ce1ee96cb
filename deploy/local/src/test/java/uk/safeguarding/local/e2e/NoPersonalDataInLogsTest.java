package uk.safeguarding.local.e2e;

import uk.safeguarding.testkit.TestClock;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.testkit.SampleIncidents;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Logs go to operators and log stores that are not cleared for safeguarding data: a whole incident's journey
 * (intake, routing, an unresolved child, delivery, status events) must leave no name, date of birth, child's words
 * or address in them. Every log event of the JVM is captured, the platform's own packages at DEBUG.
 */
@ExtendWith(RunningServices.class)
class NoPersonalDataInLogsTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger platform = (Logger) LoggerFactory.getLogger("uk.safeguarding");
    private Level platformLevel;

    @BeforeEach
    void captureEveryLogEvent() {
        captured.start();
        root.addAppender(captured);
        platformLevel = platform.getLevel();
        platform.setLevel(Level.DEBUG);
    }

    @AfterEach
    void stopCapturing() {
        root.detachAppender(captured);
        platform.setLevel(platformLevel);
    }

    @Test
    void anIncidentsWholeJourneyLeavesNoNameDateOfBirthWordsOrAddressInTheLogs() {
        // given a household in the directory, and a child the directory does not know
        Services services = RunningServices.services();
        TestHousehold household = TestHousehold.create(services);
        String unknownFamily = "Vellacott" + household.tag.chars().mapToObj(c -> String.valueOf((char) ('a' + c % 26)))
                .reduce("", String::concat);
        LocalDate unknownBorn = TestClock.bornYearsAgo(13, 11, 27);
        String words = "Mummy was crying and I held the dog " + household.tag;
        IncidentReported.Builder builder = household.incident(household.reference("LOGS"));
        List<IncidentChild> children = new ArrayList<>(builder.getChildren());
        children.set(0, IncidentChild.newBuilder(children.get(0)).setVoiceOfChild(words).build());
        children.add(SampleIncidents.child("Wilhelmina", unknownFamily, unknownBorn).build());
        builder.setChildren(children);
        builder.getLocation().setAddressLine("27 Larkspur Close " + household.tag);
        IncidentReported incident = builder.build();

        List<String> personal = List.of(household.pupil.familyName(), household.suspect.familyName(), unknownFamily,
                "Wilhelmina", household.pupil.dateOfBirth().toString(), household.toddler.dateOfBirth().toString(),
                unknownBorn.toString(), "27/11/2013", words, "Larkspur Close", household.suspectPnc,
                household.pupil.identifiers().get(0).value());

        // and the capture catches a leak when there is one
        LoggerFactory.getLogger("uk.safeguarding.leak-check").info("planted {}", unknownFamily);
        assertThat(leaks(personal)).as("the capture sees what is logged").isNotEmpty();
        captured.list.clear();

        // when a force posts the incident and it is routed, recorded for delivery and its status published
        Http.Response receipt = services.http().post(services.ingestUrl() + "/api/v1/incidents", IncidentJson.of(incident));
        assertThat(receipt.status()).isEqualTo(202);
        AgencyTopics.awaitNotificationCaughtUp(services);
        await().atMost(Duration.ofSeconds(30)).until(() -> services.notificationDb().queryForObject(
                "select count(*) from delivery_event e join delivery d on d.alert_id = e.alert_id"
                        + " where d.incident_id = ? and e.published_at is not null", Integer.class,
                incident.getIncidentId()) >= AgencyTopics.expectedForHousehold().values().stream()
                .mapToInt(Integer::intValue).sum());
        assertThat(services.notificationDb().queryForObject(
                "select count(*) from unresolved_child where incident_id = ?", Integer.class, incident.getIncidentId()))
                .isEqualTo(1);

        // then nothing personal was logged, at any level, in any message or exception
        assertThat(captured.list).as("log events captured during the journey").isNotEmpty();
        assertThat(leaks(personal)).isEmpty();
    }

    /** Each captured log line that contains one of the values, with the value found. */
    private List<String> leaks(List<String> personal) {
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(captured.list)) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append('\n').append(ThrowableProxyUtil.asString(t));
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null) {
                text.append(mdc);
            }
            String line = text.toString().toLowerCase(Locale.ROOT);
            for (String value : personal) {
                if (line.contains(value.toLowerCase(Locale.ROOT))) {
                    leaks.add(event.getLoggerName() + " logged " + value);
                }
            }
        }
        return leaks;
    }
}
