package uk.safeguarding.local.e2e;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.local.IncidentJson;
import uk.safeguarding.local.LocalPoliceSystems;
import uk.safeguarding.schemas.Topics;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the services as the local run starts them: a submission without a token, or for another force, is refused
 * and never reaches the incidents topic; an incident of the same household from its own force's system is
 * published.
 */
@ExtendWith(RunningServices.class)
class OnlyAuthenticatedPoliceSystemsSubmitTest {

    @Test
    void submissionsWithoutATokenOrForAnotherForceNeverReachTheIncidentsTopic() {
        // given
        Services services = RunningServices.services();
        TestHousehold household = TestHousehold.create(services);
        IncidentReported refused = household.incident(household.reference("NO-TOKEN")).build();
        IncidentReported accepted = household.incident(household.reference("OWN-FORCE")).build();
        String url = services.ingestUrl() + "/api/v1/incidents";
        Http otherForce = new Http(services.ingestUrl(),
                () -> LocalPoliceSystems.token(services.ingestUrl(), Services.OTHER_FORCE));

        long before = endOffsets(services);

        // when
        Http.Response anonymous = new Http().post(url, IncidentJson.of(refused));
        Http.Response wrongForce = otherForce.post(url, IncidentJson.of(refused));

        // then both are refused and nothing was published (ingest answers only after the broker's acknowledgement)
        assertThat(anonymous.status()).as(anonymous.text()).isEqualTo(401);
        assertThat(wrongForce.status()).as(wrongForce.text()).isEqualTo(403);
        assertThat(wrongForce.body().path("errors").path(0).path("field").asText()).isEqualTo("forceCode");
        assertThat(endOffsets(services)).isEqualTo(before);

        // and the same household's incident from its own force's system is published
        Http.Response ownForce = services.http().post(url, IncidentJson.of(accepted));
        assertThat(ownForce.status()).as(ownForce.text()).isEqualTo(202);
        // (counted by end offsets: other tests leave unreadable records on this topic on purpose)
        assertThat(endOffsets(services)).isEqualTo(before + 1);
    }

    private static long endOffsets(Services services) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, services.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> request = IntStream.range(0, Topics.PARTITIONS).boxed()
                    .collect(Collectors.toMap(p -> new TopicPartition(Topics.INCIDENTS.name(), p), p -> OffsetSpec.latest()));
            return admin.listOffsets(request).all().get().values().stream().mapToLong(i -> i.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
