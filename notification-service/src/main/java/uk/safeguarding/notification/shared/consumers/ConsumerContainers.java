package uk.safeguarding.notification.shared.consumers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.AfterRollbackProcessor;
import org.springframework.kafka.listener.BatchInterceptor;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultAfterRollbackProcessor;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;
import uk.safeguarding.platform.failure.Failures;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every Kafka consumer of the service, configured once. A batch that fails for a dependency (the record-caused
 * failures never get here: each consumer isolates those into dead letters) is read again after an exponential
 * back-off capped at {@code notification.consumers.max-backoff}, for as long as it takes; each step is one log line
 * (the container's, with a safe description). A consumer failing for {@code notification.consumers.stuck-after} is
 * stuck ({@link ConsumerProgress}): readiness goes DOWN, the gauge {@code notification.consumer.stuck} is 1.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerContainers {

    private static final Logger log = LoggerFactory.getLogger(ConsumerContainers.class);

    @Bean
    ConsumerProgress consumerProgress(Clock clock,
                                      @Value("${notification.consumers.stuck-after:PT2M}") Duration stuckAfter) {
        return new ConsumerProgress(clock, stuckAfter);
    }

    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> backOffAndProgress(
            ConsumerProgress progress, MeterRegistry meters,
            @Value("${notification.consumers.initial-backoff:PT0.5S}") Duration initialBackOff,
            @Value("${notification.consumers.max-backoff:PT30S}") Duration maxBackOff) {
        return (container, destination, group) -> {
            String consumer = group == null ? destination : group;
            ExponentialBackOff backOff = new ExponentialBackOff(initialBackOff.toMillis(), 2.0);
            backOff.setMaxInterval(maxBackOff.toMillis());
            DefaultAfterRollbackProcessor<Object, Object> retry = new DefaultAfterRollbackProcessor<>(backOff);
            @SuppressWarnings({"unchecked", "rawtypes"})
            AbstractMessageListenerContainer<Object, Object> c = (AbstractMessageListenerContainer) container;
            c.setAfterRollbackProcessor(new Recording(retry, progress, consumer));
            c.setBatchInterceptor(new BatchInterceptor<>() {
                @Override
                public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
                                                                 Consumer<Object, Object> kafka) {
                    return records;
                }

                @Override
                public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> kafka) {
                    retry.clearThreadState(); // the next failure starts the back-off afresh
                    progress.progressed(consumer);
                }
            });
            Gauge.builder("notification.consumer.stuck", () -> progress.isStuck(consumer) ? 1 : 0)
                    .description("1 while the consumer has made no progress for notification.consumers.stuck-after")
                    .tag("consumer", consumer).register(meters);
            log.debug("Consumer {} on {}: back-off {} to {}", consumer, destination, initialBackOff, maxBackOff);
        };
    }

    /** Readiness: DOWN while a consumer is stuck; liveness is not told (restarting would not help). */
    @Bean
    HealthIndicator consumers(ConsumerProgress progress) {
        return () -> {
            Map<String, ConsumerProgress.Streak> stuck = progress.stuck();
            return stuck.isEmpty() ? Health.up().build() : Health.down().withDetail("stuck", stuck).build();
        };
    }

    /** Retries with the back-off, telling {@link ConsumerProgress} of each failure. */
    private record Recording(DefaultAfterRollbackProcessor<Object, Object> retry, ConsumerProgress progress,
                             String consumer) implements AfterRollbackProcessor<Object, Object> {
        @Override
        public void process(List<ConsumerRecord<Object, Object>> records, Consumer<Object, Object> kafka,
                            MessageListenerContainer container, Exception exception, boolean recoverable,
                            ContainerProperties.EOSMode eosMode) {
            progress.failed(consumer, Failures.describe(exception));
            retry.process(records, kafka, container, exception, recoverable, eosMode);
        }

        @Override
        public void processBatch(ConsumerRecords<Object, Object> records, List<ConsumerRecord<Object, Object>> list,
                                 Consumer<Object, Object> kafka, MessageListenerContainer container,
                                 Exception exception, boolean recoverable, ContainerProperties.EOSMode eosMode) {
            progress.failed(consumer, Failures.describe(exception));
            retry.processBatch(records, list, kafka, container, exception, recoverable, eosMode);
        }

        @Override
        public void clearThreadState() {
            retry.clearThreadState();
        }

        @Override
        public boolean isProcessInTransaction() {
            return retry.isProcessInTransaction();
        }
    }
}
