package io.streamingdata.msk.forwarder.delivery;

import io.streamingdata.msk.records.KafkaRecord;
import java.util.List;

/**
 * One Firehose record and the Kafka records it carries (one, or many when aggregated), in order.
 *
 * @param data the bytes Firehose receives
 * @param records what Firehose takes or refuses with them
 */
public record PackedRecord(byte[] data, List<KafkaRecord> records) {}
