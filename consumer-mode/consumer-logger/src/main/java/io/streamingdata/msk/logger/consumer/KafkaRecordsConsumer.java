package io.streamingdata.msk.logger.consumer;

import io.smallrye.common.annotation.Blocking;
import io.streamingdata.msk.logger.LogSink;
import io.streamingdata.msk.logger.RecordLoggingService;
import io.streamingdata.msk.records.consumer.ConsumerBatchLimit;
import io.streamingdata.msk.records.consumer.ConsumerRecordBatches;
import io.streamingdata.msk.records.consumer.PolledBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer mode: the function's logging for batches polled from Kafka by the {@code records} channel, outside Lambda
 * (in Lambda the event source mapping is the consumer). Offsets are committed after the method returns, so a batch
 * counts as logged only if its lines reached standard output: when the logging throws or a write to standard output
 * failed, the method throws, the channel stops without committing the batch, and the liveness watch ends the process
 * with status 70 so that a supervisor restarts it.
 */
@ApplicationScoped
public class KafkaRecordsConsumer implements ConsumerBatchLimit {

    public static final String OUTPUT_FAILED = "writing the log lines of a batch of %d records (%s) to standard output "
            + "failed (a broken pipe or a full disk, for example)";

    /**
     * A batch is logged in milliseconds; one that takes this long means standard output is blocked (a pipe nobody
     * reads), and the consumer counts as stuck.
     */
    static final long BATCH_LIMIT_MILLIS = 30_000;

    private final RecordLoggingService service;
    private final LogSink sink;

    public KafkaRecordsConsumer(RecordLoggingService service, LogSink sink) {
        this.service = service;
        this.sink = sink;
    }

    @Incoming("records")
    @Blocking
    public void consume(ConsumerRecords<byte[], byte[]> polled) {
        service.log(ConsumerRecordBatches.fromConsumerRecords(polled));
        if (sink.failed()) {
            throw new IllegalStateException(OUTPUT_FAILED.formatted(polled.count(), PolledBatch.describe(polled)));
        }
    }

    @Override
    public long batchMillis() {
        return BATCH_LIMIT_MILLIS;
    }
}
