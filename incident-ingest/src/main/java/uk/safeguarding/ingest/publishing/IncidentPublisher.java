package uk.safeguarding.ingest.publishing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.IncidentReported;

/**
 * The Kafka edge: sends one IncidentReported through Spring Cloud Stream and returns only once the broker has
 * acknowledged it (binding {@value #BINDING} is {@code sync: true}, acks=all, idempotent, no transactions; see
 * incident-ingest.yml). Any failure (broker unreachable, timeout, registry unreachable, serialization) becomes a
 * {@link PublishFailedException}, which the caller turns into "not accepted, try again".
 */
@Component
public class IncidentPublisher {

    /** Output binding name; its destination is {@code ${topics.incidents}}. */
    public static final String BINDING = "incidents-out-0";

    private static final Logger log = LoggerFactory.getLogger(IncidentPublisher.class);

    private final StreamBridge streamBridge;

    public IncidentPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void publish(IncidentReported incident) {
        Message<IncidentReported> message = MessageBuilder.withPayload(incident)
                .setHeader(KafkaHeaders.KEY, incident.getIncidentId())
                .build();
        boolean sent;
        try {
            sent = streamBridge.send(BINDING, message);
        } catch (RuntimeException e) {
            // the cause chain may quote record content (serializer messages): log its type only
            log.warn("Publishing incident {} revision {} of force {} failed: {}", incident.getIncidentId(),
                    incident.getRevision(), incident.getForceCode(), rootCauseType(e));
            throw new PublishFailedException(incident.getIncidentId(), e);
        }
        if (!sent) {
            log.warn("Publishing incident {} revision {} of force {} was not sent", incident.getIncidentId(),
                    incident.getRevision(), incident.getForceCode());
            throw new PublishFailedException(incident.getIncidentId(), null);
        }
        log.info("Published incident {} revision {} of force {}", incident.getIncidentId(), incident.getRevision(),
                incident.getForceCode());
    }

    private static String rootCauseType(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName();
    }
}
