package io.streamingdata.msk.forwarder.delivery;

/**
 * One Firehose record and the batch positions of the Kafka records it carries (one, or many when aggregated).
 *
 * @param data the bytes Firehose receives
 * @param members indexes into the list of lines that were packed, in order
 */
public record PackedRecord(byte[] data, int[] members) {
}
