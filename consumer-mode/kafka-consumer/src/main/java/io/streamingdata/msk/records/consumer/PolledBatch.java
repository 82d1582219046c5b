package io.streamingdata.msk.records.consumer;

import java.util.List;
import java.util.StringJoiner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;

/** Names a polled batch in messages: its offset range per topic-partition, never its contents. */
public final class PolledBatch {

    private PolledBatch() {}

    /** For example {@code orders-0@118-217, orders-2@40-77}. */
    public static String describe(ConsumerRecords<?, ?> polled) {
        StringJoiner ranges = new StringJoiner(", ");
        for (TopicPartition partition : polled.partitions()) {
            List<? extends ConsumerRecord<?, ?>> records = polled.records(partition);
            if (!records.isEmpty()) {
                ranges.add(partition + "@" + records.get(0).offset() + "-"
                        + records.get(records.size() - 1).offset());
            }
        }
        return ranges.toString();
    }
}
