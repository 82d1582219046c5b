package io.streamingdata.msk.forwarder.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits records, in order, into PutRecordBatch calls within the API's limits (at most 500 records and 4 MiB per
 * call), shaped for calls that run {@code parallelism} at a time. The calls go out in rounds, and a round lasts as
 * long as its largest call, so the plan uses as few rounds as the limits allow and fills each round: as many calls
 * as run at once (where there are enough records), their bytes as even as the records' sizes let them be. Six
 * records of 0.9 MB at a parallelism of 4 become three calls of two records, one round, where cutting at a quarter of
 * the bytes (1.35 MB) would make six calls of one record each and a second round.
 */
public final class CallPlanner {

    public static final int MAX_RECORDS_PER_CALL = 500;
    public static final long MAX_BYTES_PER_CALL = 4L * 1024 * 1024;

    private CallPlanner() {}

    /** Calls as large as the limits allow, for calls made one after another. */
    public static List<List<PackedRecord>> plan(List<PackedRecord> records) {
        return plan(records, 1);
    }

    /**
     * @param records each within Firehose's per-record limit
     * @param parallelism how many calls may run at once
     */
    public static List<List<PackedRecord>> plan(List<PackedRecord> records, int parallelism) {
        int share = Math.max(1, parallelism);
        int fewest = split(records, MAX_BYTES_PER_CALL).size();
        if (share == 1 || fewest == 0) {
            return split(records, MAX_BYTES_PER_CALL);
        }
        int rounds = (fewest + share - 1) / share;
        int calls = Math.min(records.size(), rounds * share);
        // The smallest call size that still needs no more calls than the rounds hold: the greedy split's call
        // count only falls as the size grows, so a binary search finds it.
        long low = 1;
        long high = MAX_BYTES_PER_CALL;
        while (low < high) {
            long size = low + (high - low) / 2;
            if (split(records, size).size() <= calls) {
                high = size;
            } else {
                low = size + 1;
            }
        }
        return split(records, low);
    }

    /**
     * Fills each call up to {@code maxBytes} (a record larger than that gets a call of its own) and the record limit:
     * the fewest calls possible for that size.
     */
    private static List<List<PackedRecord>> split(List<PackedRecord> records, long maxBytes) {
        List<List<PackedRecord>> calls = new ArrayList<>();
        List<PackedRecord> call = new ArrayList<>();
        long bytes = 0;
        for (PackedRecord record : records) {
            if (!call.isEmpty() && (call.size() == MAX_RECORDS_PER_CALL || bytes + record.data().length > maxBytes)) {
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
