package io.streamingdata.msk.forwarder.delivery;

import io.streamingdata.msk.records.KafkaRecord;

/**
 * A Kafka record and the line it becomes in the delivery stream, without the newline the packer adds.
 *
 * @param record the record, kept so that a line Firehose does not take is resolved to the record that made it
 * @param line the encoded bytes
 */
public record EncodedRecord(KafkaRecord record, byte[] line) {

    /** The size of the line as packed: its bytes and the newline that ends it. */
    public int packedSize() {
        return line.length + 1;
    }
}
