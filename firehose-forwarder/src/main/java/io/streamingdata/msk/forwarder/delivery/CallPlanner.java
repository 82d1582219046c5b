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
        int fewest = split(records, MAX_BYTES_PER_CALL, null);
        long size = MAX_BYTES_PER_CALL;
        if (share > 1 && fewest > 0) {
            int rounds = (fewest + share - 1) / share;
            int calls = Math.min(records.size(), rounds * share);
            // The smallest call size that still needs no more calls than the rounds hold: the greedy split's call
            // count only falls as the size grows, so a binary search finds it (its trials only count).
            long low = 1;
            long high = MAX_BYTES_PER_CALL;
            while (low < high) {
                long middle = low + (high - low) / 2;
                if (split(records, middle, null) <= calls) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            size = low;
        }
        List<List<PackedRecord>> calls = new ArrayList<>();
        split(records, size, calls);
        return calls;
    }

    /**
     * Fills each call up to {@code maxBytes} (a record larger than that gets a call of its own) and the record limit:
     * the fewest calls possible for that size.
     *
     * @param into where the calls go, or {@code null} to count them only
     * @return how many calls
     */
    private static int split(List<PackedRecord> records, long maxBytes, List<List<PackedRecord>> into) {
        int count = 0;
        int start = 0;
        long bytes = 0;
        for (int i = 0; i <= records.size(); i++) {
            long length = i < records.size() ? records.get(i).data().length : 0;
            boolean end = i == records.size()
                    ? i > start
                    : i > start && (i - start == MAX_RECORDS_PER_CALL || bytes + length > maxBytes);
            if (end) {
                count++;
                if (into != null) {
                    into.add(new ArrayList<>(records.subList(start, i)));
                }
                start = i;
                bytes = 0;
            }
            bytes += length;
        }
        return count;
    }
}
