package io.streamingdata.msk.forwarder.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits records into PutRecordBatch calls within the API's limits (at most 500 records and 4 MiB per call), spread
 * over at least as many calls as may run in parallel: one 4 MiB call would take as long as four 1 MiB calls made one
 * after another, while four parallel calls take a quarter of it.
 */
public final class CallPlanner {

    public static final int MAX_RECORDS_PER_CALL = 500;
    public static final long MAX_BYTES_PER_CALL = 4L * 1024 * 1024;

    private CallPlanner() {}

    /** Calls as large as the limits allow. */
    public static List<List<PackedRecord>> plan(List<PackedRecord> records) {
        return plan(records, 1);
    }

    /**
     * @param records each within Firehose's per-record limit
     * @param parallelism how many calls may run at once; the records are spread over at least that many calls
     *     where there are enough records
     */
    public static List<List<PackedRecord>> plan(List<PackedRecord> records, int parallelism) {
        long total = 0;
        for (PackedRecord record : records) {
            total += record.data().length;
        }
        int share = Math.max(1, parallelism);
        long maxBytes = Math.min(MAX_BYTES_PER_CALL, Math.max(1, (total + share - 1) / share));
        int maxRecords = Math.min(MAX_RECORDS_PER_CALL, Math.max(1, (records.size() + share - 1) / share));
        List<List<PackedRecord>> calls = new ArrayList<>();
        List<PackedRecord> call = new ArrayList<>();
        long bytes = 0;
        for (PackedRecord record : records) {
            if (!call.isEmpty() && (call.size() == maxRecords || bytes + record.data().length > maxBytes)) {
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
