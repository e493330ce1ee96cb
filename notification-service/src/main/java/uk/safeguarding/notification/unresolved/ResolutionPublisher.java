package uk.safeguarding.notification.unresolved;

import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.MessageChannel;
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

    private final BinderFactory binders;
    private volatile KafkaTemplate<byte[], Object> kafka;

    public ResolutionPublisher(BinderFactory binders) {
        this.binders = binders;
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

    @SuppressWarnings("unchecked")
    private KafkaTemplate<byte[], Object> template() {
        if (kafka == null) {
            synchronized (this) {
                if (kafka == null) {
                    KafkaMessageChannelBinder binder = (KafkaMessageChannelBinder) binders.getBinder(null, MessageChannel.class);
                    ProducerFactory<byte[], Object> factory = (ProducerFactory<byte[], Object>) (ProducerFactory<?, ?>)
                            binder.getTransactionalProducerFactory();
                    if (factory == null) {
                        throw new IllegalStateException("The Kafka binder has no transactional producer factory"
                                + " (spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix)");
                    }
                    kafka = new KafkaTemplate<>(factory);
                }
            }
        }
        return kafka;
    }
}
