package io.streamingdata.msk.forwarder.delivery;

import java.util.ArrayList;
import java.util.List;

/** Splits records into PutRecordBatch calls within the API's limits: at most 500 records and 4 MiB per call. */
public final class CallPlanner {

    public static final int MAX_RECORDS_PER_CALL = 500;
    public static final long MAX_BYTES_PER_CALL = 4L * 1024 * 1024;

    private CallPlanner() {
    }

    /** @param records each within Firehose's per-record limit */
    public static List<List<PackedRecord>> plan(List<PackedRecord> records) {
        List<List<PackedRecord>> calls = new ArrayList<>();
        List<PackedRecord> call = new ArrayList<>();
        long bytes = 0;
        for (PackedRecord record : records) {
            if (!call.isEmpty() && (call.size() == MAX_RECORDS_PER_CALL
                    || bytes + record.data().length > MAX_BYTES_PER_CALL)) {
                calls.add(call);
                call = new ArrayList<>();
                bytes = 0;
            }
            call.add(record);
            bytes += record.data().length;
        }
        if (!call.isEmpty()) {
            calls.add(call);
        }
        return calls;
    }
}
