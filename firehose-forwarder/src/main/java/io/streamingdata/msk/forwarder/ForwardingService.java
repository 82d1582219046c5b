package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.forwarder.deadletter.DeadLetter;
import io.streamingdata.msk.forwarder.deadletter.DeadLetterStore;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.delivery.DeliveryReport;
import io.streamingdata.msk.forwarder.delivery.FirehoseDelivery;
import io.streamingdata.msk.forwarder.delivery.PackedRecord;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.forwarder.failure.DeliveryFailedException;
import io.streamingdata.msk.forwarder.failure.FailureStrategy;
import io.streamingdata.msk.forwarder.failure.Undeliverable;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.UndecodableRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Forwards a batch: every record with a value becomes a line for Firehose, lines are packed and delivered with
 * retries, records Firehose can never take (too large, undecodable) are parked in the dead-letter store, and
 * whatever is still undelivered goes to the configured {@link FailureStrategy}. Nothing is dropped silently.
 */
public final class ForwardingService {

    public static final String TOO_LARGE = "the record is %d bytes as a Firehose record, over Firehose's limit of "
            + "%d bytes";
    public static final String NO_DEAD_LETTER_BUCKET = "%d record(s) cannot be sent to Firehose (first: %s, %s) and "
            + "DEAD_LETTER_BUCKET is not set; set it so such records are parked instead of blocking their partition.";

    private final ForwarderSettings settings;
    private final RecordLineEncoder encoder;
    private final RecordPacker packer;
    private final FirehoseDelivery delivery;
    private final DeadLetterStore deadLetters;
    private final FailureStrategy failureStrategy;

    public ForwardingService(ForwarderSettings settings, FirehoseDelivery delivery, DeadLetterStore deadLetters,
            FailureStrategy failureStrategy) {
        this.settings = settings;
        this.encoder = new RecordLineEncoder(settings.outputFormat());
        this.packer = new RecordPacker(settings.aggregationEnabled(), settings.aggregationMaxBytes());
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.failureStrategy = failureStrategy;
    }

    public ForwarderResponse forward(KafkaBatch batch, Deadline deadline) {
        if (batch == null) {
            throw new InvalidKafkaEventException(KafkaEventDecoder.NO_EVENT);
        }
        long started = System.nanoTime();
        List<byte[]> lines = new ArrayList<>(batch.size());
        List<KafkaRecord> lineRecords = new ArrayList<>(batch.size());
        List<DeadLetter> rejected = new ArrayList<>();
        int skipped = 0;
        for (BatchEntry entry : batch.entries()) {
            if (entry instanceof UndecodableRecord undecodable) {
                rejected.add(new DeadLetter(entry, undecodable.reason(), DeadLetter.UNDECODABLE));
            } else if (entry instanceof KafkaRecord record) {
                if (record.isTombstone() && !encoder.keepsTombstones()) {
                    skipped++;
                    continue;
                }
                byte[] line = encoder.encode(record);
                int size = RecordPacker.packedSize(line);
                if (size > ForwarderSettings.FIREHOSE_MAX_RECORD_BYTES) {
                    rejected.add(new DeadLetter(entry, TOO_LARGE.formatted(size,
                            ForwarderSettings.FIREHOSE_MAX_RECORD_BYTES), DeadLetter.TOO_LARGE));
                } else {
                    lines.add(line);
                    lineRecords.add(record);
                }
            }
        }
        parkRejected(rejected);

        List<PackedRecord> packed = packer.pack(lines);
        DeliveryReport report = delivery.deliver(settings.deliveryStreamName(), packed, deadline);
        List<Undeliverable> undelivered = new ArrayList<>();
        for (DeliveryReport.Undelivered failed : report.undelivered()) {
            for (int member : failed.record().members()) {
                undelivered.add(new Undeliverable(lineRecords.get(member), failed.lastError()));
            }
        }
        undelivered.sort(Comparator.comparing((Undeliverable u) -> u.entry().topicPartition())
                .thenComparingLong(u -> u.entry().offset()));
        int delivered = lines.size() - undelivered.size();
        ForwardSummary summary = new ForwardSummary(batch.size(), delivered, skipped, rejected.size(),
                undelivered.size(), report.retriedRecords(), packed.size(), report.calls(), report.bytesSent(),
                (System.nanoTime() - started) / 1_000_000);
        ForwarderMetrics.publish(settings.deliveryStreamName(), summary);
        if (undelivered.isEmpty()) {
            return ForwarderResponse.success();
        }
        return failureStrategy.handle(undelivered, batch.size(), settings.deliveryStreamName());
    }

    private void parkRejected(List<DeadLetter> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        if (!deadLetters.available()) {
            DeadLetter first = rejected.get(0);
            throw new DeliveryFailedException(NO_DEAD_LETTER_BUCKET.formatted(rejected.size(),
                    first.entry().coordinates(), first.reason()));
        }
        try {
            deadLetters.park(rejected);
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("Could not park " + rejected.size() + " record(s) in the dead-letter "
                    + "bucket (" + e + "); failing the invocation so the batch is retried.", e);
        }
    }
}
