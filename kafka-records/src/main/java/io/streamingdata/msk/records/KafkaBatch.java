package io.streamingdata.msk.records;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A batch of Kafka records in delivery order: partitions in the order the event lists them, each partition's records
 * in offset order, built by {@link KafkaEventDecoder} from a Lambda event, or in consumer mode by kafka-consumer's
 * ConsumerRecordBatches from what a Kafka consumer polled.
 *
 * @param source where the batch came from
 * @param sourceArn the event source ARN (the MSK cluster), if the event named one
 * @param bootstrapServers the bootstrap servers the event named, if any
 * @param entries every record position of the batch, decoded or not
 */
public record KafkaBatch(EventSource source, String sourceArn, String bootstrapServers, List<BatchEntry> entries) {

    public KafkaBatch {
        Objects.requireNonNull(source, "source");
        entries = List.copyOf(entries);
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The records that decoded, in batch order. */
    public List<KafkaRecord> records() {
        List<KafkaRecord> records = new ArrayList<>(entries.size());
        for (BatchEntry entry : entries) {
            if (entry instanceof KafkaRecord record) {
                records.add(record);
            }
        }
        return records;
    }

    /** The positions that could not be decoded, in batch order. */
    public List<UndecodableRecord> undecodable() {
        List<UndecodableRecord> failures = new ArrayList<>();
        for (BatchEntry entry : entries) {
            if (entry instanceof UndecodableRecord failure) {
                failures.add(failure);
            }
        }
        return failures;
    }

    /** The topic-partitions of the batch, in batch order. */
    public Set<TopicPartition> topicPartitions() {
        Set<TopicPartition> partitions = new LinkedHashSet<>();
        for (BatchEntry entry : entries) {
            partitions.add(entry.topicPartition());
        }
        return partitions;
    }
}
