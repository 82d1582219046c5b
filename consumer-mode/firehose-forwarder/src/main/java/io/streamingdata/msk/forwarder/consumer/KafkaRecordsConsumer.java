package io.streamingdata.msk.forwarder.consumer;

import io.smallrye.common.annotation.Blocking;
import io.streamingdata.msk.forwarder.ForwarderConfig;
import io.streamingdata.msk.forwarder.ForwarderResponse;
import io.streamingdata.msk.forwarder.ForwardingService;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.records.consumer.ConsumerBatchLimit;
import io.streamingdata.msk.records.consumer.ConsumerRecordBatches;
import io.streamingdata.msk.records.consumer.PolledBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer mode: batches polled by the {@code records} channel go through the same forwarding, with retries bounded
 * only by {@code RETRY_BUDGET_MS}: Firehose may be away for that long without a batch failing. Offsets are committed
 * only when the method returns. A batch still undelivered when the budget runs out throws, which stops the channel
 * without committing it (failure strategy {@code fail}); the liveness watch then ends the process with status 70 so
 * that a supervisor restarts it, and the new process reads the batch again.
 */
@ApplicationScoped
public class KafkaRecordsConsumer implements ConsumerBatchLimit {

    public static final String PARTIAL_IN_CONSUMER_MODE = "%d partition(s) not fully delivered; consumer mode has no "
            + "partial batch response, so the batch is not committed";
    public static final String NOT_DELIVERED =
            "a batch of %d records (%s) was not delivered within RETRY_BUDGET_MS=%d: %s";

    /** Time a batch may take beyond its retry budget and last call: encoding, packing, parking dead letters. */
    static final long BATCH_GRACE_MILLIS = 60_000;

    private final ForwardingService service;
    private final ForwarderConfig config;

    public KafkaRecordsConsumer(ForwardingService service, ForwarderConfig config) {
        this.service = service;
        this.config = config;
    }

    @Incoming("records")
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> polled) {
        ForwarderResponse response;
        try {
            response = service.forward(
                    ConsumerRecordBatches.fromConsumerRecords(polled),
                    Deadline.retryBudget(config.retryBudgetMs(), config.callTimeoutMs()));
        } catch (DeliveryFailedException e) {
            throw new DeliveryFailedException(
                    NOT_DELIVERED.formatted(
                            polled.count(), PolledBatch.describe(polled), config.retryBudgetMs(), e.getMessage()),
                    e);
        }
        if (!response.batchItemFailures().isEmpty()) {
            throw new DeliveryFailedException(PARTIAL_IN_CONSUMER_MODE.formatted(
                    response.batchItemFailures().size()));
        }
    }

    @Override
    public long batchMillis() {
        return config.retryBudgetMs() + config.callTimeoutMs() + BATCH_GRACE_MILLIS;
    }
}
