package io.streamingdata.msk.records.consumer;

/**
 * The longest a function may take to handle one polled batch in consumer mode. Each consuming function provides
 * one, and the Kafka connector's stall check is derived from it (see {@link KafkaConsumerSettingsProducer}): a record
 * that stays unacknowledged for longer than the batches ahead of it may take means the consumer is stuck.
 */
public interface ConsumerBatchLimit {

    /** Milliseconds one batch may take, retries included. */
    long batchMillis();
}
