package uk.safeguarding.notification.intake;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.routing.IncidentValidator;
import uk.safeguarding.notification.routing.RecordPosition;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.serde.RegistryException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka edge. Runs on the listener thread inside the binder's Kafka transaction, one batch at a time:
 * <ol>
 * <li>reads each record's raw bytes with the incidents topic's own deserializer, and validates it; a record that
 * cannot be read or fails validation goes to the dead-letter topic with its original key and bytes and the cause in
 * headers (the rest of the batch carries on);</li>
 * <li>routes the valid incidents in one database transaction, which commits ({@link IncidentBatchRouter});</li>
 * <li>sends every alert, unresolved child and dead letter through {@link StreamBridge}, whose producer joins the
 * listener's Kafka transaction: they become visible together with the consumed offsets, or not at all.</li>
 * </ol>
 * Incidents from incident-ingest and incidents produced directly by a police system take this same path.
 */
@Component
public class IncidentBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(IncidentBatchProcessor.class);

    /** Dead-letter headers (Spring Kafka's names without the reserved {@code kafka_} prefix), values UTF-8 text. */
    public static final String DLT_EXCEPTION_FQCN = "dlt-exception-fqcn";
    public static final String DLT_EXCEPTION_MESSAGE = "dlt-exception-message";
    public static final String DLT_EXCEPTION_CAUSE_FQCN = "dlt-exception-cause-fqcn";
    public static final String DLT_ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String DLT_ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String DLT_ORIGINAL_OFFSET = "dlt-original-offset";

    private final Deserializer<IncidentReported> deserializer;
    private final IncidentBatchRouter router;
    private final StreamBridge bridge;
    private final ObjectProvider<BatchHook> hooks;
    private final MeterRegistry meters;

    public IncidentBatchProcessor(@Value("${platform.schema-registry.url}") String registryUrl,
                                  IncidentBatchRouter router, StreamBridge bridge, ObjectProvider<BatchHook> hooks,
                                  MeterRegistry meters) {
        this.deserializer = Topics.INCIDENTS.valueDeserializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        this.router = router;
        this.bridge = bridge;
        this.hooks = hooks;
        this.meters = meters;
    }

    public void process(Message<List<byte[]>> batch) {
        List<byte[]> values = batch.getPayload();
        MessageHeaders headers = batch.getHeaders();
        List<?> keys = list(headers, KafkaHeaders.RECEIVED_KEY);
        List<?> topics = list(headers, KafkaHeaders.RECEIVED_TOPIC);
        List<?> partitions = list(headers, KafkaHeaders.RECEIVED_PARTITION);
        List<?> offsets = list(headers, KafkaHeaders.OFFSET);

        List<IncidentBatchRouter.Received> valid = new ArrayList<>(values.size());
        List<Outbound> deadLetters = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            RecordPosition position = new RecordPosition(String.valueOf(topics.get(i)),
                    ((Number) partitions.get(i)).intValue(), ((Number) offsets.get(i)).longValue());
            byte[] key = keyBytes(keys.isEmpty() ? null : keys.get(i));
            byte[] value = values.get(i);
            IncidentReported incident;
            try {
                incident = deserializer.deserialize(position.topic(), value);
                if (incident == null) {
                    throw new IncidentRejectedException(List.of("the record has no value"));
                }
                List<String> problems = IncidentValidator.problems(incident);
                if (!problems.isEmpty()) {
                    throw new IncidentRejectedException(problems);
                }
            } catch (RuntimeException e) {
                if (registryUnavailable(e)) {
                    throw e; // not the record's fault: abort the batch and read it again
                }
                deadLetters.add(deadLetter(key, value, position, e));
                log.warn("Incident record at {} dead-lettered: {}", position, e.getClass().getSimpleName());
                continue;
            }
            valid.add(new IncidentBatchRouter.Received(incident, position));
        }

        List<Outbound> out = router.route(valid); // database transaction committed on return
        out.forEach(this::send);
        deadLetters.forEach(this::send);
        meters.counter("notification.incidents", "outcome", "dead-lettered").increment(deadLetters.size());
        log.info("Batch of {} incident records: {} valid, {} dead-lettered, {} records published",
                values.size(), valid.size(), deadLetters.size(), out.size());

        List<IncidentReported> incidents = valid.stream().map(IncidentBatchRouter.Received::incident).toList();
        hooks.orderedStream().forEach(h -> h.afterDatabaseCommit(incidents));
    }

    private void send(Outbound o) {
        MessageBuilder<Object> message = MessageBuilder.withPayload(o.value());
        if (o.key() != null) {
            message.setHeader(KafkaHeaders.KEY, o.key());
        }
        o.headers().forEach(message::setHeader);
        if (!bridge.send(o.binding(), message.build())) {
            throw new IllegalStateException("Could not send to binding " + o.binding());
        }
    }

    private static Outbound deadLetter(byte[] key, byte[] value, RecordPosition position, RuntimeException e) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        headers.put(DLT_EXCEPTION_FQCN, utf8(e.getClass().getName()));
        headers.put(DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(e.getMessage())));
        if (e.getCause() != null) {
            headers.put(DLT_EXCEPTION_CAUSE_FQCN, utf8(e.getCause().getClass().getName()));
        }
        headers.put(DLT_ORIGINAL_TOPIC, utf8(position.topic()));
        headers.put(DLT_ORIGINAL_PARTITION, utf8(Integer.toString(position.partition())));
        headers.put(DLT_ORIGINAL_OFFSET, utf8(Long.toString(position.offset())));
        return new Outbound(Bindings.DEAD_LETTERS, key, value == null ? new byte[0] : value, headers);
    }

    /** The registry could not be reached or failed (5xx): retry the batch rather than dead-letter good records. */
    static boolean registryUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RegistryException r && (r.status() < 0 || r.status() >= 500)) {
                return true;
            }
        }
        return false;
    }

    private static List<?> list(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        return value instanceof List<?> l ? l : List.of();
    }

    private static byte[] keyBytes(Object key) {
        if (key == null) {
            return null;
        }
        return key instanceof byte[] b ? b : utf8(key.toString());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
