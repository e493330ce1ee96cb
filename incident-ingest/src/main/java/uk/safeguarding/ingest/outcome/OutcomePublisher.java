package uk.safeguarding.ingest.outcome;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.IncidentOutcomeChanged;

/**
 * Sends outcome events to {@code incidents.outcome} (binding {@value #BINDING}, key incidentId), each acknowledged by
 * the broker before the next (the binding is {@code sync: true}); a failure throws, so the batch that produced it is
 * rolled back and read again.
 */
@Component
public class OutcomePublisher {

    /** Output binding name; its destination is {@code ${topics.incidents-outcome}}. */
    public static final String BINDING = "outcome-out-0";

    private final StreamBridge streamBridge;

    public OutcomePublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    public void publish(IncidentOutcomeChanged event) {
        boolean sent = streamBridge.send(BINDING, MessageBuilder.withPayload(event)
                .setHeader(KafkaHeaders.KEY, event.getIncidentId()).build());
        if (!sent) {
            throw new IllegalStateException("Outcome event " + event.getEventId() + " of incident "
                    + event.getIncidentId() + " was not sent");
        }
    }
}
