package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.forwarder.ForwarderResponse.BatchItemFailure;
import io.streamingdata.msk.forwarder.ForwarderResponse.ItemIdentifier;
import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.delivery.DeliveryReport;
import io.streamingdata.msk.forwarder.delivery.FirehoseDelivery;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.strategy.FailureStrategy;
import io.streamingdata.msk.forwarder.strategy.Resume;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.util.List;

/**
 * Forwards a batch in three steps. Pack: every record becomes a line in a Firehose record, except tombstones the
 * format cannot carry (skipped) and records Firehose can never take (too large, undecodable), which are parked in the
 * dead-letter store at once ({@link BatchPacker}). Deliver: the Firehose records are sent with retries. Resolve:
 * whatever is still undelivered goes to the configured {@link FailureStrategy}. Each Firehose record carries its
 * Kafka records through all three, so nothing is dropped silently.
 */
public final class ForwardingService {

    private final String deliveryStream;
    private final BatchPacker packer;
    private final FirehoseDelivery delivery;
    private final DeadLetters deadLetters;
    private final FailureStrategy failureStrategy;
    private final MetricsSink metrics;

    public ForwardingService(
            String deliveryStream,
            BatchPacker packer,
            FirehoseDelivery delivery,
            DeadLetters deadLetters,
            FailureStrategy failureStrategy,
            MetricsSink metrics) {
        this.deliveryStream = deliveryStream;
        this.packer = packer;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.failureStrategy = failureStrategy;
        this.metrics = metrics;
    }

    public ForwarderResponse forward(KafkaBatch batch, Deadline deadline) {
        if (batch == null) {
            throw new InvalidKafkaEventException(KafkaEventDecoder.NO_EVENT);
        }
        long started = System.nanoTime();
        BatchPacker.Packed packed = packer.pack(batch);
        deadLetters.park(packed.rejected());

        DeliveryReport report = delivery.deliver(deliveryStream, packed.records(), deadline);

        List<Failure> undelivered = report.undelivered();
        ForwardSummary summary = new ForwardSummary(
                batch.size(),
                packed.lines() - undelivered.size(),
                packed.skipped(),
                packed.rejected().size(),
                undelivered.size(),
                report.retriedRecords(),
                packed.records().size(),
                report.calls(),
                report.bytesSent(),
                (System.nanoTime() - started) / 1_000_000);
        metrics.publish(deliveryStream, summary);
        if (undelivered.isEmpty()) {
            return ForwarderResponse.success();
        }
        return response(failureStrategy.resolve(undelivered, batch.size(), deliveryStream));
    }

    /**
     * Runs the step that needs no network (decode happened already: pack) on {@code batch}, so that its classes are
     * loaded and its code warm before a SnapStart snapshot. Sends and parks nothing.
     *
     * @return the Firehose records the batch would become
     */
    public int warmUp(KafkaBatch batch) {
        return packer.pack(batch).records().size();
    }

    private static ForwarderResponse response(List<Resume> resumes) {
        return new ForwarderResponse(resumes.stream()
                .map(resume -> new BatchItemFailure(
                        new ItemIdentifier(resume.topicPartition().toString(), resume.offset())))
                .toList());
    }
}
