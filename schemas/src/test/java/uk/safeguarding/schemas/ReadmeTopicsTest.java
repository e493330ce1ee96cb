package uk.safeguarding.schemas;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's topic table is what operators read: it must name every topic the catalogue declares, and no other. */
class ReadmeTopicsTest {

    @Test
    void readmeTopicTableListsEveryDeclaredTopicWithItsSubject() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
                .filter(line -> line.startsWith("| `")).toList();

        for (Topics.Topic<?> topic : Topics.all()) {
            assertThat(rows).as("README row for topic %s", topic.name())
                    .anySatisfy(row -> {
                        assertThat(row).startsWith("| `" + topic.name() + "` |");
                        if (topic.avro()) {
                            assertThat(row).contains("`" + topic.valueSubject() + "`");
                        }
                    });
        }
        assertThat(rows.stream().filter(r -> r.contains("-value`)") || r.contains("original bytes")))
                .as("README topic rows").hasSize(Topics.all().size());
    }
}
