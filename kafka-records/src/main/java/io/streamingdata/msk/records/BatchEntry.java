package io.streamingdata.msk.records;

/**
 * One position of a batch: a decoded {@link KafkaRecord}, or an {@link UndecodableRecord} that the event carried but
 * that could not be decoded. Both keep their topic-partition and offset, so a function can report, retry or park
 * exactly that record.
 */
public sealed interface BatchEntry permits KafkaRecord, UndecodableRecord {

    TopicPartition topicPartition();

    long offset();

    /** {@code topic-partition@offset}, the form used in every log line and message that names a record. */
    default String coordinates() {
        return topicPartition() + "@" + offset();
    }
}
