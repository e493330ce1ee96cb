package uk.safeguarding.notification.shared.vocabulary;

/** Where an incident record was read from: topic, partition and offset. */
public record RecordPosition(String topic, int partition, long offset) {

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
