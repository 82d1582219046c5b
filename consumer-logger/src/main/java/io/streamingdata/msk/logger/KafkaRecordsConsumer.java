package io.streamingdata.msk.logger;

import io.smallrye.common.annotation.Blocking;
import io.streamingdata.msk.records.ConsumerRecordBatches;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer mode: the same logging for batches polled from Kafka by the {@code records} channel (enabled with
 * {@code KAFKA_CONSUMER_ENABLED=true}, never in Lambda). Offsets are committed after the method returns.
 */
@ApplicationScoped
public class KafkaRecordsConsumer {

    private final RecordLoggingService service;

    public KafkaRecordsConsumer(RecordLoggingService service) {
        this.service = service;
    }

    @Incoming("records")
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> polled) {
        service.log(ConsumerRecordBatches.fromConsumerRecords(polled, null));
    }
}
