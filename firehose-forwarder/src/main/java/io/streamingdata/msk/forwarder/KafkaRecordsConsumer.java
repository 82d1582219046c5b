package io.streamingdata.msk.forwarder;

import io.smallrye.common.annotation.Blocking;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.records.ConsumerRecordBatches;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer mode: batches polled by the {@code records} channel go through the same forwarding. Offsets are committed
 * only when the method returns; a batch that cannot be delivered throws, which stops the consumer without committing
 * (the channel's failure strategy is {@code fail}), so a restart reads it again.
 */
@ApplicationScoped
public class KafkaRecordsConsumer {

    public static final String PARTIAL_IN_CONSUMER_MODE = "%d partition(s) not fully delivered; consumer mode has no "
            + "partial batch response, so the batch is not committed";

    private final ForwardingService service;
    private final ForwarderSettings settings;

    public KafkaRecordsConsumer(ForwardingService service, ForwarderSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @Incoming("records")
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> polled) {
        ForwarderResponse response = service.forward(ConsumerRecordBatches.fromConsumerRecords(polled, null),
                Deadline.in(settings.retryBudgetMs()));
        if (!response.batchItemFailures().isEmpty()) {
            throw new DeliveryFailedException(PARTIAL_IN_CONSUMER_MODE.formatted(response.batchItemFailures().size()));
        }
    }
}
