package uk.safeguarding.ingest.support;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.test.context.DynamicPropertyRegistry;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.testkit.EmbeddedInfrastructure;
import uk.safeguarding.testkit.TopicProbe;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The shared embedded broker, PostgreSQL and schema registry (testkit) as this module's tests use them. */
public final class IngestInfrastructure {

    public static final String DATABASE = "incident_ingest";

    private IngestInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.get().register(registry, DATABASE);
    }

    public static EmbeddedInfrastructure infra() {
        return EmbeddedInfrastructure.get();
    }

    /** Reads the incidents topic from its start as a downstream service would (specific Avro reader). */
    public static TopicProbe<IncidentReported> incidentsProbe() {
        return TopicProbe.on(Topics.INCIDENTS);
    }

    /**
     * Sum of the end offsets of the incidents topic. The service answers only after the broker acknowledged, so
     * comparing this before and after a request proves how many records it published, without waiting.
     */
    public static long incidentsEndOffset() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infra().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = IntStream.range(0, Topics.PARTITIONS).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.INCIDENTS.name(), p), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read end offsets of " + Topics.INCIDENTS.name(), e);
        }
    }
}
