package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.forwarder.delivery.PackedRecord;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.UndecodableRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts a batch into what goes to Firehose and what cannot: every record becomes a line, written straight into the
 * Firehose record it joins, except tombstones the format cannot carry (skipped) and records Firehose can never take
 * (too large, undecodable), which are kept aside with the reason, for the dead-letter store. Public so that the
 * benchmarks' floor sends exactly the forwarder's records.
 */
public final class BatchPacker {

    public static final String TOO_LARGE =
            "the record is %d bytes as a Firehose record, over Firehose's limit of %d bytes";

    private final RecordLineEncoder encoder;
    private final RecordPacker packer;

    public BatchPacker(RecordLineEncoder encoder, RecordPacker packer) {
        this.encoder = encoder;
        this.packer = packer;
    }

    /**
     * A batch sorted.
     *
     * @param records the Firehose records, each carrying the Kafka records of its lines
     * @param lines how many Kafka records they carry
     * @param rejected the records Firehose can never take, with the reason
     * @param skipped the tombstones the format has no line for
     */
    public record Packed(List<PackedRecord> records, int lines, List<Failure> rejected, int skipped) {}

    public Packed pack(KafkaBatch batch) {
        List<Failure> rejected = new ArrayList<>();
        RecordPacker.Packing packing = packer.start();
        RecordLineEncoder.Lines lines = encoder.lines(packing.sink());
        int kept = 0;
        int skipped = 0;
        for (BatchEntry entry : batch.entries()) {
            if (entry instanceof UndecodableRecord undecodable) {
                rejected.add(new Failure(entry, Cause.UNDECODABLE, undecodable.reason()));
            } else if (entry instanceof KafkaRecord record) {
                if (record.isTombstone() && !encoder.keepsTombstones()) {
                    skipped++;
                    continue;
                }
                lines.write(record);
                int size = packing.lineSize();
                if (size > ForwarderConfigCheck.FIREHOSE_MAX_RECORD_BYTES) {
                    packing.discardLine();
                    rejected.add(new Failure(
                            entry,
                            Cause.RECORD_TOO_LARGE,
                            TOO_LARGE.formatted(size, ForwarderConfigCheck.FIREHOSE_MAX_RECORD_BYTES)));
                } else {
                    packing.keepLine(record);
                    kept++;
                }
            }
        }
        return new Packed(packing.finish(), kept, rejected, skipped);
    }
}
