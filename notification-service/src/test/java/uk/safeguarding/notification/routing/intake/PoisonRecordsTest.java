package uk.safeguarding.notification.routing.intake;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentChild;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.shared.consumers.DeadLetters;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.IncidentIds;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TestClock;
import uk.safeguarding.testkit.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No single record stops the alerts behind it: each kind of bad record seen stopping a partition is dead-lettered
 * with its cause, and a good incident produced right behind it on the same partition is routed. Nothing a bad record
 * holds reaches a log line.
 */
class PoisonRecordsTest extends IntegrationTestSupport {

    private static final int PARTITION = 1;
    /** A name no log line may ever hold. */
    private static final String SECRET = "Quenburga";

    private ListAppender<ILoggingEvent> logs;
    private TopicProbe<byte[]> deadLetters;
    private TopicProbe<AgencyAlert> schools;

    @BeforeEach
    void capture() {
        logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER);
        schools = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL));
    }

    @AfterEach
    void release() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        deadLetters.close();
        schools.close();
        failOnce.repair();
    }

    /** A record to produce: its key and value bytes (null: a tombstone), and what its dead letter must say. */
    record Poison(byte[] key, byte[] value, String cause) {
    }

    private static byte[] bytes(IncidentReported incident) {
        return Topics.INCIDENTS.valueSerializer(EmbeddedInfrastructure.get().serdeConfig())
                .serialize(Topics.INCIDENTS.name(), incident);
    }

    private static Poison avro(IncidentReported incident, String cause) {
        return new Poison(incident.getIncidentId().getBytes(StandardCharsets.UTF_8), bytes(incident), cause);
    }

    private static IncidentReported.Builder incident(String reference, IncidentChild child) {
        return SampleIncidents.incident("TST", reference).setChildren(new ArrayList<>(List.of(child)));
    }

    private static IncidentChild.Builder child() {
        return SampleIncidents.child(SECRET, "Farthingale", TestClock.bornYearsAgo(9, 7, 7));
    }

    static Stream<Arguments> poisons() {
        return Stream.<Arguments>of(
                Arguments.of("a tombstone", (Function<String, Poison>) token ->
                        new Poison(("tombstone-" + token).getBytes(StandardCharsets.UTF_8), null,
                                "(record): has no value")),
                Arguments.of("U+0000 in a child's name", (Function<String, Poison>) token -> avro(
                        incident("NUL-" + token, child().setGivenName(SECRET + "\u0000").build()).build(),
                        "children[0].givenName: must not contain control characters")),
                Arguments.of("a 150-character name", (Function<String, Poison>) token -> avro(
                        incident("LONG-" + token, child().setFamilyName(SECRET + "x".repeat(141)).build()).build(),
                        "children[0].familyName: must be at most 100 characters")),
                Arguments.of("a 150-character police reference", (Function<String, Poison>) token -> avro(
                        incident("R" + token + "9".repeat(139), child().build()).build(),
                        "policeReference: must be at most 64 characters")),
                Arguments.of("a 40-character postcode", (Function<String, Poison>) token -> avro(
                        incident("PC-" + token, child().setPostcode("EX1 1AA EX1 1AA EX1 1AA EX1 1AA EX1 1A").build())
                                .build(), "children[0].postcode: must be a UK postcode")),
                Arguments.of("a 100-character incident id", (Function<String, Poison>) token -> avro(
                        incident("ID-" + token, child().build()).setIncidentId("i".repeat(100)).build(),
                        "incidentId: must be at most 64 characters")),
                Arguments.of("another force's incident id", (Function<String, Poison>) token -> avro(
                        incident("OF-" + token, child().build())
                                .setIncidentId(IncidentIds.forPoliceReference("GMP", "OF-" + token)).build(),
                        "incidentId: must be the id the platform derives")),
                Arguments.of("a date of birth outside PostgreSQL's range", (Function<String, Poison>) token -> avro(
                        incident("DOB-" + token, child().setDateOfBirth(LocalDate.of(-300_000, 1, 1)).build()).build(),
                        "children[0].dateOfBirth: must not be before 1900-01-01")),
                Arguments.of("a child born after the incident", (Function<String, Poison>) token -> avro(
                        incident("BORN-" + token, child().setDateOfBirth(TestClock.today().plusYears(3)).build())
                                .build(), "children[0].dateOfBirth: must not be after the incident")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poisons")
    void aBadRecordIsDeadLetteredWithItsCauseAndTheGoodIncidentBehindItOnItsPartitionIsRouted(
            String kind, Function<String, Poison> make) {
        // given a pupil known by UPN, and a bad record followed by a good incident naming the pupil, one partition
        String token = unique();
        Pupil pupil = givenAPupil(token);
        Poison poison = make.apply(token);
        var at = produceRaw(PARTITION, poison.key(), poison.value());
        IncidentReported good = pupil.incident("GOOD-" + token);
        produce(PARTITION, good);

        // then the bad record is a dead letter with its original bytes and the field it broke
        ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1, r ->
                Long.toString(at.offset()).equals(header(r, DeadLetters.ORIGINAL_OFFSET))
                        && Integer.toString(PARTITION).equals(header(r, DeadLetters.ORIGINAL_PARTITION))).get(0);
        assertThat(header(letter, DeadLetters.EXCEPTION_MESSAGE)).contains(poison.cause()).doesNotContain(SECRET);
        assertThat(letter.value()).isEqualTo(poison.value() == null ? new byte[0] : poison.value());
        // and the good incident behind it is routed
        assertThat(schools.await(1, a -> a.getIncidentId().equals(good.getIncidentId()))).hasSize(1);
        // and no log line holds the bad record's name
        assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(SECRET));
    }

    @Test
    void aRecordJustUnderOneMebibyteIsDeadLetteredByReferenceWithItsBytesKeptInTheDatabase() {
        // given a record of 1,040,000 bytes naming no child
        String token = unique();
        Pupil pupil = givenAPupil(token);
        IncidentReported huge = SampleIncidents.incident("TST", "HUGE-" + token).setChildren(new ArrayList<>())
                .setCircumstances("x".repeat(1_040_000)).build();
        byte[] value = bytes(huge);
        assertThat(value.length).isBetween(1_000_000, 1_048_000);

        // when it arrives, followed by a good incident on its partition
        var at = produceRaw(PARTITION, huge.getIncidentId().getBytes(StandardCharsets.UTF_8), value);
        IncidentReported good = pupil.incident("GOOD-" + token);
        produce(PARTITION, good);

        // then its dead letter names where the bytes are kept, and they are kept whole
        ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1, r ->
                Long.toString(at.offset()).equals(header(r, DeadLetters.ORIGINAL_OFFSET))
                        && Integer.toString(PARTITION).equals(header(r, DeadLetters.ORIGINAL_PARTITION))).get(0);
        assertThat(letter.value()).isEmpty();
        assertThat(header(letter, DeadLetters.PAYLOAD_STORED)).isEqualTo("dead_letter_payload");
        assertThat(header(letter, DeadLetters.EXCEPTION_MESSAGE)).contains("at most 262144 are read");
        assertThat(jdbc.queryForObject("select record_value from dead_letter_payload where source_topic = ?"
                + " and source_partition = ? and source_offset = ?", byte[].class, Topics.INCIDENTS.name(),
                PARTITION, at.offset())).isEqualTo(value);
        // and the good incident is routed
        assertThat(schools.await(1, a -> a.getIncidentId().equals(good.getIncidentId()))).hasSize(1);
    }

    @Test
    void aValueTheDatabaseRefusesSendsOnlyThatIncidentToTheDeadLetterTopicAndTheRestOfItsBatchIsRouted() {
        // given five pupils' incidents and, among them, one whose value the database refuses (planted)
        String token = unique();
        List<IncidentReported> goods = new ArrayList<>();
        IncidentReported refused = null;
        for (int i = 0; i < 6; i++) {
            Pupil pupil = givenAPupil(token + i);
            IncidentReported incident = pupil.incident("BATCH-" + token + "-" + i);
            if (i == 3) {
                refused = incident;
                failOnce.refuse(incident.getIncidentId());
            } else {
                goods.add(incident);
            }
        }
        // when they arrive together on one partition
        List<IncidentReported> all = new ArrayList<>(goods);
        all.add(3, refused);
        all.forEach(i -> produceAsync(PARTITION, i));
        flushProduced();

        // then the refused incident alone is a dead letter, its cause the database's state and not its values
        String refusedId = refused.getIncidentId();
        ConsumerRecord<String, byte[]> letter = deadLetters.awaitRecords(1, r -> refusedId.equals(r.key())).get(0);
        assertThat(header(letter, DeadLetters.EXCEPTION_MESSAGE)).contains("SQLSTATE 22021").doesNotContain(SECRET);
        // and every other incident of the batch is routed, once
        for (IncidentReported good : goods) {
            assertThat(schools.await(1, a -> a.getIncidentId().equals(good.getIncidentId()))).hasSize(1);
        }
        awaitAllIncidentsProcessed();
        assertThat(ledgerRows(refusedId)).isZero();
        assertThat(logs.list).noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(SECRET));
    }

    @Test
    void randomValuedIncidentRecordsNeverStopThePartition() {
        // given a hundred incident records of random values (any characters, lengths, dates, children)
        String token = unique();
        Pupil pupil = givenAPupil(token);
        RandomIncidents random = new RandomIncidents(token.hashCode());
        for (int i = 0; i < 100; i++) {
            IncidentReported incident = random.next(i);
            produceRaw(PARTITION, incident.getIncidentId().getBytes(StandardCharsets.UTF_8), bytes(incident));
        }
        // when a good incident follows them
        IncidentReported good = pupil.incident("GOOD-" + token);
        produce(PARTITION, good);

        // then it is routed, and the group catches up: nothing stalled behind them
        assertThat(schools.await(1, a -> a.getIncidentId().equals(good.getIncidentId()))).hasSize(1);
        awaitAllIncidentsProcessed();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A pupil of a test school, known by UPN, so an incident naming it raises one school alert. */
    record Pupil(String upn, String family) {
        IncidentReported incident(String reference) {
            return SampleIncidents.incident("TST", reference).setChildren(new ArrayList<>(List.of(
                    SampleIncidents.child("Perdita", family, null).setIdentifiers(new ArrayList<>(List.of(
                            SampleIncidents.id(IdentifierScheme.UPN, upn)))).build()))).build();
        }
    }

    private Pupil givenAPupil(String token) {
        TestDirectory dir = TestDirectory.create(token);
        String upn = SampleIncidents.uniqueUpn();
        String family = familyName("Poisonwood");
        given(new DirectoryDocument(dir.organisations(), List.of(dir.schoolChild("T-CH-PZ-" + token, "Perdita", family,
                TestClock.bornYearsAgo(10, 3, 3), upn)), List.of(), List.of()));
        return new Pupil(upn, family);
    }
}
