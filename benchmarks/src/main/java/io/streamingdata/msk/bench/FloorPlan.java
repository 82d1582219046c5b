package io.streamingdata.msk.bench;

import io.streamingdata.msk.forwarder.delivery.CallPlanner;
import io.streamingdata.msk.forwarder.delivery.EncodedRecord;
import io.streamingdata.msk.forwarder.delivery.PackedRecord;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.RecordJson;
import java.util.ArrayList;
import java.util.List;

/**
 * What the forwarder sends for an MSK event with aggregation on: one line per record, packed and split into
 * PutRecordBatch calls by the forwarder's own {@link RecordPacker} and {@link CallPlanner}, so the floor's calls are
 * the forwarder's, worked out once instead of per invocation.
 */
final class FloorPlan {

    private FloorPlan() {}

    /**
     * @param format {@code envelope} or {@code value}, as the forwarder's {@code OUTPUT_FORMAT}
     * @return the calls, each the data of its Firehose records
     */
    static List<List<byte[]>> calls(byte[] event, String format, int maxRecordBytes, int parallelism) {
        List<EncodedRecord> lines = new ArrayList<>();
        for (KafkaRecord record : new KafkaEventDecoder().decode(event).records()) {
            byte[] line = line(record, format);
            if (line != null) {
                lines.add(new EncodedRecord(record, line));
            }
        }
        List<List<byte[]>> calls = new ArrayList<>();
        for (List<PackedRecord> call :
                CallPlanner.plan(new RecordPacker(true, maxRecordBytes).pack(lines), parallelism)) {
            calls.add(call.stream().map(PackedRecord::data).toList());
        }
        return calls;
    }

    /**
     * The record's line: its envelope, written by the same {@link RecordJson#envelope} as the forwarder's, or its
     * value as it is (the value format's line for a value that is JSON or text on one line, as the benchmark's are;
     * a tombstone has none).
     */
    static byte[] line(KafkaRecord record, String format) {
        return switch (format) {
            case "envelope" -> RecordJson.envelope(record);
            case "value" -> record.value();
            default -> throw new IllegalArgumentException("OUTPUT_FORMAT is envelope or value, not " + format);
        };
    }
}
