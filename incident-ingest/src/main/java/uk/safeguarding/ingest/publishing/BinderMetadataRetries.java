package uk.safeguarding.ingest.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binder.BinderCustomizer;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.retry.backoff.FixedBackOffPolicy;
import org.springframework.retry.policy.SimpleRetryPolicy;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Field;

/**
 * StreamBridge creates the output binding on the first send, and the Kafka binder then looks up the topic's
 * partitions with a retry template of 10 attempts, each blocking up to max.block.ms and an admin call. With the
 * broker down that holds an HTTP request for minutes, far past any client's timeout. The binder offers no property
 * for it, so the provisioner's retry template is replaced here with {@code ingest.publish.metadata-attempts}
 * attempts (default 1): the request fails fast with 503 and the binder's own late-binding retries in the background.
 */
@Component
public class BinderMetadataRetries implements BinderCustomizer {

    private static final Logger log = LoggerFactory.getLogger(BinderMetadataRetries.class);

    private final int attempts;

    public BinderMetadataRetries(@Value("${ingest.publish.metadata-attempts:1}") int attempts) {
        this.attempts = Math.max(1, attempts);
    }

    @Override
    public void customize(org.springframework.cloud.stream.binder.Binder<?, ?, ?> binder, String binderName) {
        if (!(binder instanceof KafkaMessageChannelBinder)) {
            return;
        }
        Field field = ReflectionUtils.findField(KafkaMessageChannelBinder.class, "provisioningProvider");
        if (field == null) {
            log.warn("Kafka binder has no provisioningProvider field; metadata retries stay at the binder's default");
            return;
        }
        ReflectionUtils.makeAccessible(field);
        if (ReflectionUtils.getField(field, binder) instanceof KafkaTopicProvisioner provisioner) {
            RetryTemplate retry = new RetryTemplate();
            retry.setRetryPolicy(new SimpleRetryPolicy(attempts));
            FixedBackOffPolicy backOff = new FixedBackOffPolicy();
            backOff.setBackOffPeriod(200);
            retry.setBackOffPolicy(backOff);
            provisioner.setMetadataRetryOperations(retry);
        }
    }
}
