package io.streamingdata.msk.records;

import java.util.Objects;

/**
 * A topic and one of its partitions. {@link #toString()} gives the {@code "<topic>-<partition>"} form that Lambda
 * uses as the key of an event's {@code records} object and in partial batch responses.
 */
public record TopicPartition(String topic, int partition) implements Comparable<TopicPartition> {

    public TopicPartition {
        Objects.requireNonNull(topic, "topic");
    }

    @Override
    public int compareTo(TopicPartition other) {
        int byTopic = topic.compareTo(other.topic);
        return byTopic != 0 ? byTopic : Integer.compare(partition, other.partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
