package uk.safeguarding.deploy;

import org.junit.jupiter.api.Test;
import uk.safeguarding.schemas.Topics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.deploy.Repository.at;
import static uk.safeguarding.deploy.Repository.list;
import static uk.safeguarding.deploy.Repository.map;

/**
 * Each service's KafkaUser allows exactly what the service does: the topics it reads and writes and the consumer
 * groups it joins, derived from its Spring Cloud Stream bindings (destinations, groups) in its YAML, with
 * {@code ${topics.*}} resolved from Topics. A binding added, removed or pointed elsewhere fails here until the ACLs
 * follow. A police system's user may write the incidents topic and nothing else; the directory feeds, directory changes.
 */
class KafkaAclsTest {

    private static final Pattern BINDING = Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+)\\.(destination|group)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}");

    /** Written outside any binding, with a KafkaTemplate on the binder's transactional producer factory. */
    private static final Set<String> NOTIFICATION_WRITES_OUTSIDE_BINDINGS = Set.of(
            Topics.ALERT_STATUS.name()); // delivery/StatusRelay

    /**
     * The agency alert topics' bindings are not in notification-service's YAML: AlertBindings derives them from Topics
     * (routing writes every alert topic; delivery's input reads every one).
     */
    private static final Set<String> NOTIFICATION_ALERT_TOPICS = Topics.alertTopics().values().stream()
            .map(Topics.Topic::name).collect(java.util.stream.Collectors.toCollection(TreeSet::new));

    record Uses(Set<String> reads, Set<String> writes, Set<String> groups, Set<String> transactionalIdPrefixes) {
    }

    @Test
    void incidentIngestMayWriteIncidentsAndOutcomesAndReadDeliveryStatusAndUnresolvedChildrenOnly() {
        Uses uses = uses("incident-ingest/src/main/resources/incident-ingest.yml", Set.of());
        assertThat(uses.writes()).containsExactlyInAnyOrder(Topics.INCIDENTS.name(), Topics.INCIDENT_OUTCOME.name());
        assertThat(uses.reads()).containsExactlyInAnyOrder(Topics.ALERT_STATUS.name(), Topics.UNRESOLVED.name());
        assertThat(uses.groups()).containsExactly("incident-ingest-outcome");
        assertThat(acls("incident-ingest")).isEqualTo(expectedAcls(uses));
    }

    @Test
    void notificationServiceMayReadAndWriteExactlyTheTopicsAndGroupsOfItsBindings() {
        Uses yaml = uses("notification-service/src/main/resources/notification-service.yml",
                NOTIFICATION_WRITES_OUTSIDE_BINDINGS);
        Set<String> reads = new TreeSet<>(yaml.reads());
        reads.addAll(NOTIFICATION_ALERT_TOPICS);
        Set<String> writes = new TreeSet<>(yaml.writes());
        writes.addAll(NOTIFICATION_ALERT_TOPICS);
        Uses uses = new Uses(reads, writes, yaml.groups(), yaml.transactionalIdPrefixes());
        assertThat(uses.reads()).contains(Topics.INCIDENTS.name(), Topics.DIRECTORY_CHANGES.name());
        assertThat(uses.groups()).contains("notification-service", "notification-delivery", "notification-directory");
        assertThat(uses.transactionalIdPrefixes()).containsExactly("notification-service-");
        assertThat(acls("notification-service")).isEqualTo(expectedAcls(uses));
    }

    @Test
    void aPoliceSystemMayWriteIncidentsAndNothingElse() {
        List<Kubernetes.Resource> police = Kubernetes.ofKind("KafkaUser").stream()
                .filter(u -> u.name().startsWith("police-")).toList();
        assertThat(police).isNotEmpty();
        for (Kubernetes.Resource user : police) {
            assertThat(acls(user.name())).isEqualTo(Map.of("topic " + Topics.INCIDENTS.name() + " literal",
                    new TreeSet<>(Set.of("Write", "Describe"))));
        }
    }

    @Test
    void theDirectoryFeedsMayWriteDirectoryChangesAndNothingElse() {
        assertThat(acls("directory-feed")).isEqualTo(Map.of("topic " + Topics.DIRECTORY_CHANGES.name() + " literal",
                new TreeSet<>(Set.of("Write", "Describe"))));
    }

    @Test
    void everyUserAuthenticatesWithScramAndIsAuthorisedByAcls() {
        for (Kubernetes.Resource user : Kubernetes.ofKind("KafkaUser")) {
            assertThat(at(user.body(), "spec.authentication.type")).as(user.toString()).isEqualTo("scram-sha-512");
            assertThat(at(user.body(), "spec.authorization.type")).as(user.toString()).isEqualTo("simple");
            assertThat(at(user.body(), "metadata.labels")).isEqualTo(Map.of("strimzi.io/cluster", KafkaTopicsTest.clusterName()));
        }
        assertThat(Kubernetes.ofKind("KafkaUser")).extracting(Kubernetes.Resource::name)
                .contains("incident-ingest", "notification-service");
    }

    /** "type name patternType" -> operations, as the KafkaUser declares them. */
    private static Map<String, Set<String>> acls(String user) {
        Map<String, Set<String>> acls = new TreeMap<>();
        for (Object acl : list(at(Kubernetes.named("KafkaUser", user).body(), "spec.authorization.acls"))) {
            Map<String, Object> resource = map(map(acl).get("resource"));
            String key = resource.get("type") + " " + resource.get("name") + " " + resource.getOrDefault("patternType", "literal");
            Set<String> operations = acls.computeIfAbsent(key, k -> new TreeSet<>());
            list(map(acl).get("operations")).forEach(o -> assertThat(operations.add((String) o))
                    .as(user + ": " + key + " " + o + " twice").isTrue());
        }
        return acls;
    }

    private static Map<String, Set<String>> expectedAcls(Uses uses) {
        Map<String, Set<String>> acls = new TreeMap<>();
        uses.reads().forEach(t -> acls.computeIfAbsent("topic " + t + " literal", k -> new TreeSet<>()).addAll(Set.of("Read", "Describe")));
        uses.writes().forEach(t -> acls.computeIfAbsent("topic " + t + " literal", k -> new TreeSet<>()).addAll(Set.of("Write", "Describe")));
        uses.groups().forEach(g -> acls.put("group " + g + " literal", new TreeSet<>(Set.of("Read"))));
        uses.transactionalIdPrefixes().forEach(p -> acls.put("transactionalId " + p + " prefix", new TreeSet<>(Set.of("Write", "Describe"))));
        return acls;
    }

    /** What a service's YAML says it reads (input bindings, "-in-"), writes (the others) and joins. */
    private static Uses uses(String yml, Set<String> writesOutsideBindings) {
        Map<String, String> properties = new LinkedHashMap<>(Repository.flattened(yml));
        Topics.asProperties().forEach((k, v) -> properties.put(k, v.toString()));
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>(writesOutsideBindings);
        Set<String> groups = new TreeSet<>();
        properties.forEach((key, value) -> {
            Matcher binding = BINDING.matcher(key);
            if (!binding.matches()) {
                return;
            }
            String resolved = resolve(value, properties);
            boolean input = binding.group(1).contains("-in-");
            if (binding.group(2).equals("group")) {
                assertThat(input).as(key + ": a group on an output binding").isTrue();
                groups.add(resolved);
            } else {
                Arrays.stream(resolved.split(",")).map(String::strip).forEach(input ? reads::add : writes::add);
            }
        });
        Set<String> prefixes = new TreeSet<>();
        String prefix = properties.get("spring.cloud.stream.kafka.binder.transaction.transaction-id-prefix");
        if (prefix != null) {
            prefixes.add(prefix.substring(0, prefix.contains("${") ? prefix.indexOf("${") : prefix.length()));
        }
        Set<String> known = new TreeSet<>(Topics.all().stream().map(Topics.Topic::name).toList());
        assertThat(known).as(yml + ": every destination is a topic of Topics").containsAll(reads).containsAll(writes);
        return new Uses(reads, writes, groups, prefixes);
    }

    private static String resolve(String value, Map<String, String> properties) {
        String current = value;
        for (int i = 0; i < 10 && current.contains("${"); i++) {
            Matcher m = PLACEHOLDER.matcher(current);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String replacement = properties.getOrDefault(m.group(1), m.group(2));
                assertThat(replacement).as("no value for ${" + m.group(1) + "}").isNotNull();
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(out);
            current = out.toString();
        }
        return current;
    }
}
