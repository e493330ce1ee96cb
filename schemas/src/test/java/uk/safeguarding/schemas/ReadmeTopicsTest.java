package uk.safeguarding.schemas;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's topic table is what operators read: it must name every topic the catalogue declares, and no other,
 * with the retention the catalogue creates it with.
 */
class ReadmeTopicsTest {

    @Test
    void readmeTopicTableListsEveryDeclaredTopicWithItsSubject() throws Exception {
        // the section "## Topics" (the Deploy section has a table of its own, checked by DeployTopicTableTest)
        List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
                .dropWhile(line -> !line.equals("## Topics")).skip(1).takeWhile(line -> !line.startsWith("## "))
                .filter(line -> line.startsWith("| `")).toList();

        for (Topics.Topic<?> topic : Topics.all()) {
            assertThat(rows).as("README row for topic %s", topic.name())
                    .anySatisfy(row -> {
                        assertThat(row).startsWith("| `" + topic.name() + "` |");
                        if (topic.avro()) {
                            assertThat(row).contains("`" + topic.valueSubject() + "`");
                        }
                        // operators size disks and answer data-protection questions from this column
                        assertThat(row).contains(String.format(java.util.Locale.UK, "| %,d days", topic.retention().toDays()))
                                .contains(topic.personalData() ? "personal data" : "ids only");
                    });
        }
        assertThat(rows.stream().filter(r -> r.contains("-value`)") || r.contains("original bytes")))
                .as("README topic rows").hasSize(Topics.all().size());
    }
}
