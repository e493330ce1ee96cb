package uk.safeguarding.notification.shared.kafka;

import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.messaging.MessageChannel;
import org.springframework.stereotype.Component;

/**
 * Kafka transactions outside a listener (the outbox relays, a resolution routed at once) on the binder's own
 * transactional producer factory: the same transactional id prefix, serializers and security settings as the
 * listener's, so an operator configures Kafka once. Created on first use, when the binder exists.
 */
@Component
public class TransactionalKafka {

    private final BinderFactory binders;
    private volatile KafkaTemplate<byte[], Object> template;

    public TransactionalKafka(BinderFactory binders) {
        this.binders = binders;
    }

    @SuppressWarnings("unchecked")
    public KafkaTemplate<byte[], Object> template() {
        if (template == null) {
            synchronized (this) {
                if (template == null) {
                    KafkaMessageChannelBinder binder = (KafkaMessageChannelBinder) binders.getBinder(null, MessageChannel.class);
                    ProducerFactory<byte[], Object> factory = (ProducerFactory<byte[], Object>) (ProducerFactory<?, ?>)
                            binder.getTransactionalProducerFactory();
                    if (factory == null) {
                        throw new IllegalStateException("The Kafka binder has no transactional producer factory"
                                + " (spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix)");
                    }
                    template = new KafkaTemplate<>(factory);
                }
            }
        }
        return template;
    }
}
