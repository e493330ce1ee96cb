package uk.safeguarding.notification.routing.intake;

import uk.safeguarding.notification.shared.kafka.Outbound;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.notification.shared.consumers.DeadLetters;
import uk.safeguarding.notification.shared.consumers.Isolation;
import uk.safeguarding.notification.shared.consumers.RawRecord;
import uk.safeguarding.notification.shared.consumers.RecordSkips;
import uk.safeguarding.notification.shared.vocabulary.RecordPosition;
import uk.safeguarding.platform.failure.DependencyFailure;
import uk.safeguarding.platform.failure.Failures;
import uk.safeguarding.schemas.Topics;
import uk.safeguarding.schemas.contract.FieldProblem;
import uk.safeguarding.schemas.contract.IncidentContract;
import uk.safeguarding.serde.AvroSerdeConfig;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka edge. Runs on the listener thread inside the binder's Kafka transaction, one batch at a time:
 * <ol>
 * <li>reads each record's raw bytes with the incidents topic's own deserializer and checks it against the input
 * contract ({@link IncidentContract}); a record that is empty (a tombstone), too large, unreadable or breaks the
 * contract, or that an operator asked to skip ({@link RecordSkips}), goes to the dead-letter topic with its original
 * key and bytes and the cause in headers ({@link DeadLetters});</li>
 * <li>routes the valid incidents in one database transaction, which commits ({@link IncidentBatchRouter}). If that
 * fails for a reason of the records' own (the database refuses a value), the batch is routed again in halves, down to
 * the one record at fault, which is dead-lettered: every other record of the batch is routed in this same run. A
 * failure of a dependency (database or registry unreachable) fails the whole batch, which is read again after a
 * back-off ({@code consumers.ConsumerContainers}); it is never dead-lettered;</li>
 * <li>sends every alert, unresolved child and dead letter through {@link StreamBridge}, whose producer joins the
 * listener's Kafka transaction: they become visible together with the consumed offsets, or not at all.</li>
 * </ol>
 * Incidents from incident-ingest and incidents produced directly by a police system take this same path. Logs carry
 * positions, incident ids and safe descriptions ({@link Failures#describe}), never a value of a record.
 */
@Component
public class IncidentBatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(IncidentBatchProcessor.class);

    /** Dead-letter headers: see {@link DeadLetters}. */
    public static final String DLT_EXCEPTION_FQCN = DeadLetters.EXCEPTION_FQCN;
    public static final String DLT_EXCEPTION_MESSAGE = DeadLetters.EXCEPTION_MESSAGE;
    public static final String DLT_EXCEPTION_CAUSE_FQCN = DeadLetters.EXCEPTION_CAUSE_FQCN;
    public static final String DLT_ORIGINAL_TOPIC = DeadLetters.ORIGINAL_TOPIC;
    public static final String DLT_ORIGINAL_PARTITION = DeadLetters.ORIGINAL_PARTITION;
    public static final String DLT_ORIGINAL_OFFSET = DeadLetters.ORIGINAL_OFFSET;

    private final Deserializer<IncidentReported> deserializer;
    private final IncidentBatchRouter router;
    private final StreamBridge bridge;
    private final ObjectProvider<BatchHook> hooks;
    private final MeterRegistry meters;
    private final DeadLetters deadLetters;
    private final RecordSkips skips;
    private final Clock clock;

    public IncidentBatchProcessor(@Value("${platform.schema-registry.url}") String registryUrl,
                                  IncidentBatchRouter router, StreamBridge bridge, ObjectProvider<BatchHook> hooks,
                                  MeterRegistry meters, DeadLetters deadLetters, RecordSkips skips, Clock clock) {
        this.deserializer = Topics.INCIDENTS.valueDeserializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        this.router = router;
        this.bridge = bridge;
        this.hooks = hooks;
        this.meters = meters;
        this.deadLetters = deadLetters;
        this.skips = skips;
        this.clock = clock;
    }

    public void process(Message<List<?>> batch) {
        Instant now = clock.instant();
        List<RawRecord> records = RawRecord.of(batch);
        Map<RecordPosition, String> skipped = skips.requested(records.stream().map(RawRecord::position).toList());

        List<IncidentBatchRouter.Received> valid = new ArrayList<>(records.size());
        Map<RecordPosition, RawRecord> byPosition = new HashMap<>();
        List<Outbound> dead = new ArrayList<>();
        for (RawRecord raw : records) {
            RecordPosition position = raw.position();
            IncidentReported incident;
            try {
                String skipReason = skipped.get(position);
                if (skipReason != null) {
                    throw new RecordSkips.Skipped(skipReason);
                }
                incident = read(raw, now);
            } catch (RuntimeException e) {
                if (RawRecord.readFailure(e) instanceof DependencyFailure notTheRecords) {
                    throw notTheRecords; // the batch is read again after a back-off
                }
                dead.add(deadLetter(raw, e));
                continue;
            }
            valid.add(new IncidentBatchRouter.Received(incident, position));
            byPosition.put(position, raw);
        }

        List<Outbound> out = routeIsolating(valid, byPosition, dead); // database transactions committed on return
        out.forEach(o -> o.sendThrough(bridge));
        dead.forEach(o -> o.sendThrough(bridge));
        if (!skipped.isEmpty()) {
            skips.markSkipped(skipped.keySet(), now);
        }
        meters.counter("notification.incidents", "outcome", "dead-lettered").increment(dead.size());
        log.info("Batch of {} incident records: {} routed, {} dead-lettered, {} records published",
                records.size(), valid.size(), dead.size(), out.size());

        List<IncidentReported> incidents = valid.stream().map(IncidentBatchRouter.Received::incident).toList();
        hooks.orderedStream().forEach(h -> h.afterDatabaseCommit(incidents));
    }

    /** The incident of a record, or why it cannot be routed. */
    private IncidentReported read(RawRecord raw, Instant now) {
        if (raw.value() == null || raw.value().length == 0) {
            throw new IncidentRejectedException(List.of(new FieldProblem("(record)",
                    "has no value: an incident is never deleted by a tombstone")));
        }
        if (raw.value().length > IncidentContract.MAX_RECORD_BYTES) {
            throw new IncidentRejectedException(IncidentContract.tooLarge(raw.value().length));
        }
        IncidentReported incident = deserializer.deserialize(raw.position().topic(), raw.value());
        List<FieldProblem> problems = IncidentContract.check(incident, now);
        if (!problems.isEmpty()) {
            throw new IncidentRejectedException(problems);
        }
        return incident;
    }

    /**
     * Routes the records, or, if the database refuses something of theirs, finds the record at fault
     * ({@link Isolation}) and dead-letters it. Removes what it dead-letters from {@code valid}.
     */
    private List<Outbound> routeIsolating(List<IncidentBatchRouter.Received> valid, Map<RecordPosition, RawRecord> raws,
                                          List<Outbound> dead) {
        List<IncidentBatchRouter.Received> atFault = new ArrayList<>();
        List<Outbound> out = Isolation.isolate(List.copyOf(valid), router::route, (r, e) -> {
            atFault.add(r);
            dead.add(deadLetter(raws.get(r.position()), e));
        }, "incidents");
        valid.removeAll(atFault);
        return out;
    }

    private Outbound deadLetter(RawRecord raw, RuntimeException cause) {
        log.warn("Incident record at {} dead-lettered: {}", raw.position(), Failures.describe(cause));
        DeadLetters.DeadLetter letter = deadLetters.of(raw.position(), raw.key(), raw.value(), cause);
        return new Outbound(Bindings.DEAD_LETTERS, letter.key(), letter.value(), letter.headers());
    }
}
