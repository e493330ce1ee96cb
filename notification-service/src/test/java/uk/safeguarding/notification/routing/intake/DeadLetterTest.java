package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.testkit.TestClock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.IdentifierScheme;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.IntegrationTestSupport;
import uk.safeguarding.notification.TestDirectory;
import uk.safeguarding.notification.routing.directory.DirectoryDocument;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.SampleIncidents;
import uk.safeguarding.testkit.TopicProbe;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterTest extends IntegrationTestSupport {

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void unreadableAndInvalidRecordsGoToTheDeadLetterTopicWithTheirOriginalBytesAndTheNextIncidentIsStillRouted()
            throws Exception {
        // given a pupil in the directory
        String token = unique();
        TestDirectory dir = TestDirectory.create(token);
        String upn = SampleIncidents.uniqueUpn();
        given(new DirectoryDocument(dir.organisations(),
                List.of(dir.schoolChild("T-CH-D-" + token, "Perpetua", familyName("Grimsdyke"), TestClock.bornYearsAgo(11, 1, 1), upn)),
                List.of(), List.of()));

        try (TopicProbe<byte[]> deadLetters = TopicProbe.on(Topics.INCIDENTS_DEAD_LETTER);
             TopicProbe<AgencyAlert> school = TopicProbe.on(Topics.alerts(AgencyKind.SCHOOL))) {
            // when random bytes, then a readable incident that fails validation, then a good incident arrive
            byte[] garbage = new byte[64];
            new Random(7).nextBytes(garbage);
            String garbageKey = "garbage-" + token;
            RecordMetadata garbageAt = produceRaw(garbageKey.getBytes(StandardCharsets.UTF_8), garbage);

            IncidentReported invalid = SampleIncidents.incident("TST", "BAD-" + token).setRevision(0)
                    .setChildren(new ArrayList<>()).build();
            byte[] invalidBytes = Topics.INCIDENTS.valueSerializer(EmbeddedInfrastructure.get().serdeConfig())
                    .serialize(Topics.INCIDENTS.name(), invalid);
            produceRaw(invalid.getIncidentId().getBytes(StandardCharsets.UTF_8), invalidBytes);

            IncidentReported good = SampleIncidents.incident("TST", "GOOD-" + token)
                    .setChildren(new ArrayList<>(List.of(SampleIncidents.child("Perpetua", "Unknown", null)
                            .setIdentifiers(new ArrayList<>(List.of(SampleIncidents.id(IdentifierScheme.UPN, upn))))
                            .build())))
                    .build();
            produce(good);

            // then both bad records are dead letters, with the original key, bytes and the cause
            ConsumerRecord<String, byte[]> unreadable = deadLetters.awaitRecords(1, r -> garbageKey.equals(r.key())).get(0);
            assertThat(unreadable.value()).isEqualTo(garbage);
            assertThat(header(unreadable, IncidentBatchProcessor.DLT_EXCEPTION_FQCN))
                    .isEqualTo("org.apache.kafka.common.errors.SerializationException");
            assertThat(header(unreadable, IncidentBatchProcessor.DLT_EXCEPTION_MESSAGE)).contains("magic byte");
            assertThat(header(unreadable, IncidentBatchProcessor.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.INCIDENTS.name());
            assertThat(header(unreadable, IncidentBatchProcessor.DLT_ORIGINAL_PARTITION))
                    .isEqualTo(Integer.toString(garbageAt.partition()));
            assertThat(header(unreadable, IncidentBatchProcessor.DLT_ORIGINAL_OFFSET))
                    .isEqualTo(Long.toString(garbageAt.offset()));

            ConsumerRecord<String, byte[]> rejected = deadLetters
                    .awaitRecords(1, r -> invalid.getIncidentId().equals(r.key())).get(0);
            assertThat(rejected.value()).isEqualTo(invalidBytes);
            assertThat(header(rejected, IncidentBatchProcessor.DLT_EXCEPTION_FQCN))
                    .isEqualTo(IncidentRejectedException.class.getName());
            assertThat(header(rejected, IncidentBatchProcessor.DLT_EXCEPTION_MESSAGE))
                    .contains("revision: must be from 1 to").contains("children: must list at least one child");

            // and the good incident is routed
            assertThat(school.await(1, a -> a.getIncidentId().equals(good.getIncidentId()))).hasSize(1);
            awaitAllIncidentsProcessed();
            assertThat(ledgerRows(invalid.getIncidentId())).isZero();
        }
    }
}
