package uk.safeguarding.serde;

import org.apache.avro.Schema;

/**
 * How a subject is named for a record written to a topic: Confluent's three strategies. Configured by class
 * name; Confluent's own class names are accepted so configuration written for Confluent's serde works here.
 */
public interface SubjectNameStrategy {

    String subjectName(String topic, boolean isKey, Schema schema);

    /** {@code <topic>-key} or {@code <topic>-value}: Confluent's default. */
    final class TopicNameStrategy implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic + (isKey ? "-key" : "-value");
        }
    }

    /** The record's full name, for topics that carry several record types. */
    final class RecordNameStrategy implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return schema.getFullName();
        }
    }

    /** {@code <topic>-<record full name>}. */
    final class TopicRecordNameStrategy implements SubjectNameStrategy {
        @Override
        public String subjectName(String topic, boolean isKey, Schema schema) {
            return topic + "-" + schema.getFullName();
        }
    }

    static SubjectNameStrategy named(String className) {
        if (className == null || className.isBlank()) {
            return new TopicNameStrategy();
        }
        String simple = className.substring(className.lastIndexOf('.') + 1);
        simple = simple.substring(simple.lastIndexOf('$') + 1);
        return switch (simple) {
            case "TopicNameStrategy" -> new TopicNameStrategy();
            case "RecordNameStrategy" -> new RecordNameStrategy();
            case "TopicRecordNameStrategy" -> new TopicRecordNameStrategy();
            default -> throw new org.apache.kafka.common.config.ConfigException(
                    "Unknown subject name strategy " + className
                            + "; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
        };
    }
}
