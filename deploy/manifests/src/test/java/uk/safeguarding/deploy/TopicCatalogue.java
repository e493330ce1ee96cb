package uk.safeguarding.deploy;

import uk.safeguarding.schemas.Topics;

import java.util.List;

/** What a deployment must create for each topic of {@link Topics}: the facts the code declares. */
record TopicCatalogue(String name, int partitions, long retentionMs, String record) {

    static List<TopicCatalogue> fromCode() {
        return Topics.all().stream()
                .map(t -> new TopicCatalogue(t.name(), Topics.PARTITIONS, t.retention().toMillis(),
                        t.avro() ? t.valueType().getSimpleName() : "-"))
                .toList();
    }

    String tsvLine() {
        return name + "\t" + partitions + "\t" + retentionMs + "\t" + record;
    }
}
