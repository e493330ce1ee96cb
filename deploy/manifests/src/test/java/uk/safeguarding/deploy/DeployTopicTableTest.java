package uk.safeguarding.deploy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.safeguarding.deploy.Repository.at;
import static uk.safeguarding.deploy.Repository.list;
import static uk.safeguarding.deploy.Repository.map;

/**
 * The deployment's topic table (README "Deploy") is the code's: every topic
 * of Topics with its partitions, retention and subject, and who may write and read it by the KafkaUsers' ACLs.
 * The failure message carries the table to paste.
 */
class DeployTopicTableTest {

    private static final String HEADING = "### Topics in a deployment";

    @Test
    void theDeployTopicTableListsEveryTopicAsTheCodeAndTheAclsHaveIt() throws Exception {
        String document = "README.md";
        String text = Repository.read(document);
        assertThat(text).as(document + " has the section " + HEADING).contains(HEADING);
        List<String> rows = text.substring(text.indexOf(HEADING)).lines().skip(1)
                .dropWhile(l -> !l.startsWith("|")).takeWhile(l -> l.startsWith("|")).skip(2).toList();
        List<String> expected = expectedRows();
        assertThat(rows).as(document + ", " + HEADING + "; expected:\n" + header() + String.join("\n", expected))
                .containsExactlyElementsOf(expected);
    }

    static String header() {
        return "| topic | partitions | retention | value subject | written by | read by |\n|---|---|---|---|---|---|\n";
    }

    static List<String> expectedRows() {
        Map<String, Set<String>> writers = new TreeMap<>();
        Map<String, Set<String>> readers = new TreeMap<>();
        for (Kubernetes.Resource user : Kubernetes.ofKind("KafkaUser")) {
            for (Object acl : list(at(user.body(), "spec.authorization.acls"))) {
                Map<String, Object> resource = map(map(acl).get("resource"));
                if (!"topic".equals(resource.get("type"))) {
                    continue;
                }
                List<Object> operations = list(map(acl).get("operations"));
                String topic = (String) resource.get("name");
                if (operations.contains("Write")) {
                    writers.computeIfAbsent(topic, t -> new TreeSet<>()).add(user.name());
                }
                if (operations.contains("Read")) {
                    readers.computeIfAbsent(topic, t -> new TreeSet<>()).add(user.name());
                }
            }
        }
        List<String> rows = new ArrayList<>();
        for (TopicCatalogue topic : TopicCatalogue.fromCode()) {
            rows.add("| `" + topic.name() + "` | " + topic.partitions() + " | " + (topic.retentionMs() / 86_400_000L)
                    + " days | " + (topic.record().equals("-") ? "none (original bytes)" : "`" + topic.name() + "-value` (" + topic.record() + ")")
                    + " | " + String.join(", ", writers.getOrDefault(topic.name(), Set.of("-")))
                    + " | " + String.join(", ", readers.getOrDefault(topic.name(), Set.of("-"))) + " |");
        }
        return rows;
    }
}
