package io.streamingdata.msk.records.consumer;

import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Builds the same {@link KafkaBatch} from what a Kafka consumer polled, so consumer mode shares every later step. */
public final class ConsumerRecordBatches {

    private ConsumerRecordBatches() {}

    /** @param polled the records of one poll, in the order the consumer returned them */
    public static KafkaBatch fromConsumerRecords(Iterable<ConsumerRecord<byte[], byte[]>> polled) {
        List<BatchEntry> entries = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            entries.add(toKafkaRecord(record));
        }
        return new KafkaBatch(EventSource.KAFKA_CONSUMER, null, null, entries);
    }

    public static KafkaRecord toKafkaRecord(ConsumerRecord<byte[], byte[]> record) {
        List<KafkaHeader> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new KafkaHeader(header.key(), header.value()));
        }
        TimestampType timestampType = switch (record.timestampType()) {
            case CREATE_TIME -> TimestampType.CREATE_TIME;
            case LOG_APPEND_TIME -> TimestampType.LOG_APPEND_TIME;
            case NO_TIMESTAMP_TYPE -> TimestampType.NO_TIMESTAMP_TYPE;
        };
        return new KafkaRecord(
                new TopicPartition(record.topic(), record.partition()),
                record.offset(),
                record.timestamp(),
                timestampType,
                record.key(),
                record.value(),
                headers);
    }
}
