package uk.safeguarding.notification.routing.unresolved;

import org.springframework.kafka.core.KafkaTemplate;
import uk.safeguarding.notification.shared.kafka.TransactionalKafka;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.schemas.Topics;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishes the alerts of a resolution on their agency topics (key: recipient organisationId, as every alert) in one
 * Kafka transaction of its own, outside any listener: a {@link KafkaTemplate} on the binder's transactional producer
 * factory, as {@code delivery.StatusRelay} does. Called inside the resolution's database transaction, before it
 * commits: if Kafka fails the database rolls back and nothing is resolved; if the database commit fails after Kafka
 * committed, the alerts are out but the row is still open, and resolving it again sends the same alert ids, which
 * delivery records once. A resolution never loses an alert.
 */
@Component
public class ResolutionPublisher {

    private final TransactionalKafka kafka;

    public ResolutionPublisher(TransactionalKafka kafka) {
        this.kafka = kafka;
    }

    public void publish(List<AgencyAlert> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        template().executeInTransaction(t -> {
            for (AgencyAlert a : alerts) {
                t.send(Topics.alerts(a.getRecipient().getKind()).name(),
                        a.getRecipient().getOrganisationId().getBytes(StandardCharsets.UTF_8), a);
            }
            t.flush();
            return null;
        });
    }

    private KafkaTemplate<byte[], Object> template() {
        return kafka.template();
    }
}
