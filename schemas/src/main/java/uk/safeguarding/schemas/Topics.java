package uk.safeguarding.schemas;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import uk.safeguarding.avro.AgencyAlert;
import uk.safeguarding.avro.AgencyKind;
import uk.safeguarding.avro.AlertStatusChanged;
import uk.safeguarding.avro.ChildUnresolved;
import uk.safeguarding.avro.DirectoryChanged;
import uk.safeguarding.avro.DisclosureRecorded;
import uk.safeguarding.avro.IncidentOutcomeChanged;
import uk.safeguarding.avro.IncidentReported;
import uk.safeguarding.serde.AvroSerdeConfig;
import uk.safeguarding.serde.GeneratedAvroClasses;
import uk.safeguarding.serde.KafkaAvroDeserializer;
import uk.safeguarding.serde.KafkaAvroSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic of the platform, declared once: its name, what its key is, its value type, its schema subject and
 * its serdes. Services, tests, the local run and the README all take topic facts from here.
 */
public final class Topics {

    static {
        // builders of the generated classes fill enum defaults through Avro's class check (see GeneratedAvroClasses)
        GeneratedAvroClasses.trust();
    }

    /**
     * How long topics keep records. Topics holding personal data keep them no longer than notification-service keeps
     * the same data in PostgreSQL ({@code notification.retention.*}; a test in notification-service checks they agree);
     * topics holding ids only keep them longer, for the audit trail.
     */
    public static final Duration PERSONAL_DATA_RETENTION = Duration.ofDays(365);
    public static final Duration SOCIAL_CARE_RETENTION = Duration.ofDays(730);
    public static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
    public static final Duration IDS_ONLY_RETENTION = Duration.ofDays(730);
    public static final Duration AUDIT_RETENTION = Duration.ofDays(6 * 365 + 2);

    /** Partitions for every platform topic: enough to spread one service's consumers over the cores it has. */
    public static final int PARTITIONS = 3;

    public static final Topic<IncidentReported> INCIDENTS = avro("incidents",
            "incidents.reported", IncidentReported.class, "incidentId",
            "Incidents reported by police, one record per revision: from incident-ingest or produced directly by a force",
            PERSONAL_DATA_RETENTION, true);

    public static final Topic<ChildUnresolved> UNRESOLVED = avro("alerts.unresolved",
            "alerts.unresolved", ChildUnresolved.class, "incidentId",
            "Children of an incident that could not be routed, with the reason: the local authority's working list",
            PERSONAL_DATA_RETENTION, true);

    public static final Topic<AlertStatusChanged> ALERT_STATUS = avro("alerts.status",
            "alerts.status", AlertStatusChanged.class, "alertId",
            "Each step of each alert's delivery: sent, delivered, opened, actioned, failed, escalated, breached",
            IDS_ONLY_RETENTION, false);

    /**
     * What became of each police report, for the force that submitted it: written by incident-ingest from
     * {@link #ALERT_STATUS} and {@link #UNRESOLVED}. Ids and states only, kept as long as the status topic it follows.
     */
    public static final Topic<IncidentOutcomeChanged> INCIDENT_OUTCOME = avro("incidents-outcome",
            "incidents.outcome", IncidentOutcomeChanged.class, "incidentId",
            "What became of each report, for the force that submitted it: each alert's state per child and recipient, children waiting on the local authority",
            IDS_ONLY_RETENTION, false);

    public static final Topic<DisclosureRecorded> AUDIT = avro("audit.disclosures",
            "audit.disclosures", DisclosureRecorded.class, "childId (organisationId when no child)",
            "Every disclosure about a child (directory match, alert sent, delivered, opened, exported): ids only, append-only",
            AUDIT_RETENTION, false);

    public static final Topic<DirectoryChanged> DIRECTORY_CHANGES = avro("directory.changes",
            "directory.changes", DirectoryChanged.class, "the child's or adult's directory id",
            "Changes of school, GP registration, settings and probation caseload, applied to the directory idempotently",
            PERSONAL_DATA_RETENTION, true);

    public static final Topic<byte[]> INCIDENTS_DEAD_LETTER = new Topic<>("incidents-dlt",
            "incidents.reported.dlt", byte[].class, "the original key",
            "Incident records that could not be read or failed validation: the original bytes, the cause in headers",
            false, DEAD_LETTER_RETENTION, true);

    public static final Topic<byte[]> ALERTS_DEAD_LETTER = new Topic<>("alerts-dlt",
            "alerts.dlt", byte[].class, "the original key",
            "Alert records delivery could not read or record: the original bytes, the cause in headers",
            false, DEAD_LETTER_RETENTION, true);

    private static final Map<AgencyKind, Topic<AgencyAlert>> ALERTS = new EnumMap<>(AgencyKind.class);

    static {
        alerts(AgencyKind.SCHOOL, "alerts.school", "Alerts to schools' designated safeguarding leads");
        alerts(AgencyKind.SCHOOL_NURSE, "alerts.school-nurse", "Alerts to school nursing teams");
        alerts(AgencyKind.GP, "alerts.gp", "Alerts to GP practices");
        alerts(AgencyKind.HEALTH_VISITING, "alerts.health-visiting", "Alerts to health visiting teams, for children under school age");
        alerts(AgencyKind.PROBATION, "alerts.probation", "Alerts to probation delivery units supervising an adult in the incident");
        alerts(AgencyKind.LOCAL_AUTHORITY, "alerts.local-authority", "Alerts to local authority officers (children educated at home)");
        alerts(AgencyKind.EARLY_YEARS, "alerts.early-years", "Alerts to early-years settings (nurseries, childminders) a child under school age attends");
        alerts(AgencyKind.COLLEGE, "alerts.college", "Alerts to further education colleges, for 16- and 17-year-olds");
        alerts(AgencyKind.CHILDRENS_SOCIAL_CARE, "alerts.childrens-social-care", "Alerts to children's social care (the multi-agency safeguarding hub), raised by concern rules");
    }

    private Topics() {
    }

    /** The topic carrying alerts to one kind of agency. */
    public static Topic<AgencyAlert> alerts(AgencyKind kind) {
        Topic<AgencyAlert> topic = ALERTS.get(kind);
        if (topic == null) {
            throw new IllegalArgumentException("No alert topic for agency kind " + kind);
        }
        return topic;
    }

    public static Map<AgencyKind, Topic<AgencyAlert>> alertTopics() {
        return Collections.unmodifiableMap(ALERTS);
    }

    /** Every topic, in the order the README lists them. */
    public static List<Topic<?>> all() {
        List<Topic<?>> all = new ArrayList<>();
        all.add(INCIDENTS);
        all.addAll(ALERTS.values());
        all.add(UNRESOLVED);
        all.add(ALERT_STATUS);
        all.add(INCIDENT_OUTCOME);
        all.add(AUDIT);
        all.add(DIRECTORY_CHANGES);
        all.add(INCIDENTS_DEAD_LETTER);
        all.add(ALERTS_DEAD_LETTER);
        return all;
    }

    /** Definitions for an admin client to create missing topics with. */
    public static List<NewTopic> newTopics(short replicationFactor) {
        return all().stream().map(t -> new NewTopic(t.name(), PARTITIONS, replicationFactor)
                .configs(Map.of("retention.ms", Long.toString(t.retention().toMillis())))).toList();
    }

    /**
     * {@code topics.<key>=<name>} for every topic, so that Spring configuration (bindings in YAML) refers to a topic
     * as {@code ${topics.incidents}} instead of repeating its name.
     */
    public static Map<String, Object> asProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        all().forEach(t -> properties.put("topics." + t.key(), t.name()));
        return properties;
    }

    private static <V> Topic<V> avro(String key, String name, Class<V> type, String keyMeaning, String meaning,
                                     Duration retention, boolean personalData) {
        return new Topic<>(key, name, type, keyMeaning, meaning, true, retention, personalData);
    }

    private static void alerts(AgencyKind kind, String name, String meaning) {
        Duration retention = kind == AgencyKind.CHILDRENS_SOCIAL_CARE ? SOCIAL_CARE_RETENTION : PERSONAL_DATA_RETENTION;
        ALERTS.put(kind, avro(name, name, AgencyAlert.class, "recipient organisationId", meaning, retention, true));
    }

    /**
     * One topic. Keys are UTF-8 strings; values are Avro in the Confluent wire format (subject
     * {@code <name>-value}), except for dead-letter topics, which keep the original bytes. {@code retention} is the
     * topic's {@code retention.ms}; {@code personalData} says whether its records name people.
     */
    public record Topic<V>(String key, String name, Class<V> valueType, String keyMeaning, String meaning,
                           boolean avro, Duration retention, boolean personalData) {

        public String valueSubject() {
            return avro ? name + "-value" : null;
        }

        public Serializer<String> keySerializer() {
            return new StringSerializer();
        }

        public Deserializer<String> keyDeserializer() {
            return new StringDeserializer();
        }

        /** A configured value serializer; {@code serdeConfig} carries at least {@code schema.registry.url}. */
        @SuppressWarnings("unchecked")
        public Serializer<V> valueSerializer(Map<String, ?> serdeConfig) {
            Serializer<?> serializer = avro ? new KafkaAvroSerializer() : new ByteArraySerializer();
            serializer.configure(serdeConfig, false);
            return (Serializer<V>) serializer;
        }

        /** A configured value deserializer that returns {@link #valueType()} (specific Avro reader). */
        @SuppressWarnings("unchecked")
        public Deserializer<V> valueDeserializer(Map<String, ?> serdeConfig) {
            Deserializer<?> deserializer;
            if (avro) {
                Map<String, Object> config = new HashMap<>(serdeConfig);
                config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
                deserializer = new KafkaAvroDeserializer();
                deserializer.configure(config, false);
            } else {
                deserializer = new ByteArrayDeserializer();
            }
            return (Deserializer<V>) deserializer;
        }
    }
}
