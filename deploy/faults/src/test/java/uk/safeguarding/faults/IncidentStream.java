package uk.safeguarding.faults;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.schemas.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A police force producing incidents straight onto the incidents topic (Avro, the platform's serializer, not
 * transactional, as forces do), at a steady rate on its own thread until stopped, so that faults happen while records
 * are flowing. Every fourth incident is followed by its revision 2. Remembers what it produced, and so which alerts
 * must exist: six per revision.
 */
final class IncidentStream implements AutoCloseable {

    private final FaultPlatform platform;
    private final String runTag;
    private final KafkaProducer<String, IncidentReported> producer;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "incident-stream");
        t.setDaemon(true);
        return t;
    });
    private final List<Households.AlertKey> expected = new ArrayList<>();
    private final List<String> incidentIds = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private int produced;
    private int records;

    IncidentStream(FaultPlatform platform, String runTag) {
        this.platform = platform;
        this.runTag = runTag;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0),
                Topics.INCIDENTS.keySerializer(), Topics.INCIDENTS.valueSerializer(platform.serdeConfig()));
    }

    /** Produces {@code perSecond} incidents a second (plus revisions) until {@link #stop()}. */
    IncidentStream start(int perSecond) {
        scheduler.scheduleAtFixedRate(this::produceNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        return this;
    }

    private void produceNext() {
        try {
            int i;
            synchronized (this) {
                i = produced;
            }
            Households.Household h = platform.households.get(i);
            IncidentReported revision1 = Households.incident(h, runTag + "-" + i);
            List<IncidentReported> revisions = i % 4 == 3
                    ? List.of(revision1, Households.revision2(revision1)) : List.of(revision1);
            for (IncidentReported incident : revisions) {
                // acknowledged before the next: revision 2 lands after revision 1 in the incident's partition
                producer.send(new ProducerRecord<>(Topics.INCIDENTS.name(), incident.getIncidentId(), incident)).get();
            }
            synchronized (this) {
                produced++;
                records += revisions.size();
                incidentIds.add(revision1.getIncidentId());
                for (IncidentReported incident : revisions) {
                    expected.addAll(Households.expectedAlerts(h, incident.getIncidentId(), incident.getRevision()));
                }
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            throw new IllegalStateException(e); // ends the schedule
        }
    }

    /** Stops producing, after the incident in progress. */
    void stop() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("The incident stream did not stop");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("Producing incidents failed", failure.get());
        }
    }

    synchronized int incidents() {
        return produced;
    }

    synchronized int records() {
        return records;
    }

    synchronized List<String> incidentIds() {
        return List.copyOf(incidentIds);
    }

    synchronized List<Households.AlertKey> expectedAlerts() {
        return List.copyOf(expected);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close();
    }
}
