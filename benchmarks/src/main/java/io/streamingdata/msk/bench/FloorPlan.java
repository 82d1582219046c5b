package io.streamingdata.msk.bench;

import io.streamingdata.msk.forwarder.BatchPacker;
import io.streamingdata.msk.forwarder.OutputFormat;
import io.streamingdata.msk.forwarder.RecordLineEncoder;
import io.streamingdata.msk.forwarder.delivery.CallPlanner;
import io.streamingdata.msk.forwarder.delivery.PackedRecord;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * What the forwarder sends for an MSK event with aggregation on: its records encoded and packed by the forwarder's own
 * {@link BatchPacker} and split into PutRecordBatch calls by its {@link CallPlanner}, so the floor's calls are the
 * forwarder's, worked out once instead of per invocation.
 */
final class FloorPlan {

    private FloorPlan() {}

    /**
     * @param format {@code envelope} or {@code value}, as the forwarder's {@code OUTPUT_FORMAT}
     * @return the calls, each the data of its Firehose records
     */
    static List<List<byte[]>> calls(byte[] event, String format, int maxRecordBytes, int parallelism) {
        BatchPacker packer = new BatchPacker(
                new RecordLineEncoder(OutputFormat.parse(format)
                        .orElseThrow(() ->
                                new IllegalArgumentException("OUTPUT_FORMAT is envelope or value, not " + format))),
                new RecordPacker(true, maxRecordBytes));
        List<List<byte[]>> calls = new ArrayList<>();
        for (List<PackedRecord> call : CallPlanner.plan(
                packer.pack(new KafkaEventDecoder().decode(event)).records(), parallelism)) {
            calls.add(call.stream().map(PackedRecord::data).toList());
        }
        return calls;
    }
}
