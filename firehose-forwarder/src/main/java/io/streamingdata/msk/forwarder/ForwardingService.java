package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.forwarder.ForwarderResponse.BatchItemFailure;
import io.streamingdata.msk.forwarder.ForwarderResponse.ItemIdentifier;
import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.delivery.DeliveryReport;
import io.streamingdata.msk.forwarder.delivery.EncodedRecord;
import io.streamingdata.msk.forwarder.delivery.FirehoseDelivery;
import io.streamingdata.msk.forwarder.delivery.PackedRecord;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.forwarder.strategy.FailureStrategy;
import io.streamingdata.msk.forwarder.strategy.Resume;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.UndecodableRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwards a batch in three steps. Classify: every record becomes a line for Firehose, except tombstones the format
 * cannot carry (skipped) and records Firehose can never take (too large, undecodable), which are parked in the
 * dead-letter store at once. Deliver: the lines are packed and sent with retries. Resolve: whatever is still
 * undelivered goes to the configured {@link FailureStrategy}. Each line carries its record through all three, so
 * nothing is dropped silently.
 */
public final class ForwardingService {

    public static final String TOO_LARGE =
            "the record is %d bytes as a Firehose record, over Firehose's limit of %d bytes";

    private final String deliveryStream;
    private final RecordLineEncoder encoder;
    private final RecordPacker packer;
    private final FirehoseDelivery delivery;
    private final DeadLetters deadLetters;
    private final FailureStrategy failureStrategy;
    private final MetricsSink metrics;

    public ForwardingService(
            String deliveryStream,
            RecordLineEncoder encoder,
            RecordPacker packer,
            FirehoseDelivery delivery,
            DeadLetters deadLetters,
            FailureStrategy failureStrategy,
            MetricsSink metrics) {
        this.deliveryStream = deliveryStream;
        this.encoder = encoder;
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
        Classified classified = classify(batch);
        deadLetters.park(classified.rejected());

        List<PackedRecord> packed = packer.pack(classified.lines());
        DeliveryReport report = delivery.deliver(deliveryStream, packed, deadline);

        List<Failure> undelivered = report.undelivered();
        ForwardSummary summary = new ForwardSummary(
                batch.size(),
                classified.lines().size() - undelivered.size(),
                classified.skipped(),
                classified.rejected().size(),
                undelivered.size(),
                report.retriedRecords(),
                packed.size(),
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
     * Runs the steps that need no network (decode happened already: classify, encode, pack) on {@code batch}, so
     * that their classes are loaded and their code warm before a SnapStart snapshot. Sends and parks nothing.
     *
     * @return the Firehose records the batch would become
     */
    public int warmUp(KafkaBatch batch) {
        return packer.pack(classify(batch).lines()).size();
    }

    private Classified classify(KafkaBatch batch) {
        List<EncodedRecord> lines = new ArrayList<>(batch.size());
        List<Failure> rejected = new ArrayList<>();
        RecordLineEncoder.Batch encoding = encoder.batch();
        int skipped = 0;
        for (BatchEntry entry : batch.entries()) {
            if (entry instanceof UndecodableRecord undecodable) {
                rejected.add(new Failure(entry, Cause.UNDECODABLE, undecodable.reason()));
            } else if (entry instanceof KafkaRecord record) {
                if (record.isTombstone() && !encoder.keepsTombstones()) {
                    skipped++;
                    continue;
                }
                EncodedRecord line = new EncodedRecord(record, encoding.encode(record));
                if (line.packedSize() > ForwarderConfigCheck.FIREHOSE_MAX_RECORD_BYTES) {
                    rejected.add(new Failure(
                            entry,
                            Cause.RECORD_TOO_LARGE,
                            TOO_LARGE.formatted(line.packedSize(), ForwarderConfigCheck.FIREHOSE_MAX_RECORD_BYTES)));
                } else {
                    lines.add(line);
                }
            }
        }
        return new Classified(lines, rejected, skipped);
    }

    private static ForwarderResponse response(List<Resume> resumes) {
        return new ForwarderResponse(resumes.stream()
                .map(resume -> new BatchItemFailure(
                        new ItemIdentifier(resume.topicPartition().toString(), resume.offset())))
                .toList());
    }

    /** A batch sorted into what goes to Firehose, what is parked, and how many tombstones had nothing to send. */
    private record Classified(List<EncodedRecord> lines, List<Failure> rejected, int skipped) {}
}
