package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CallPlannerTest {

    @Test
    void shouldPutAtMost500RecordsInACall() {
        List<List<PackedRecord>> calls = CallPlanner.plan(records(1001, 10));

        assertEquals(List.of(500, 500, 1), calls.stream().map(List::size).toList());
    }

    @Test
    void shouldKeepEachCallWithinFourMebibytes() {
        // Five records of 1,000 KiB: four fit in 4 MiB (4,096,000 bytes), the fifth needs a second call.
        List<List<PackedRecord>> calls = CallPlanner.plan(records(5, 1_024_000));

        assertEquals(List.of(4, 1), calls.stream().map(List::size).toList());
        assertTrue(calls.stream()
                .allMatch(
                        call -> call.stream().mapToLong(r -> r.data().length).sum() <= CallPlanner.MAX_BYTES_PER_CALL));
    }

    @Test
    void shouldFillACallExactlyToTheByteLimit() {
        int size = (int) (CallPlanner.MAX_BYTES_PER_CALL / 4);

        assertEquals(
                List.of(4, 1),
                CallPlanner.plan(records(5, size)).stream().map(List::size).toList());
    }

    @Test
    void shouldSpreadLargeRecordsOverAsManyCallsAsMayRunInParallel() {
        List<List<PackedRecord>> calls = CallPlanner.plan(records(4, 1_000_000), 4);

        assertEquals(List.of(1, 1, 1, 1), calls.stream().map(List::size).toList());
    }

    @Test
    void shouldSpreadManySmallRecordsEvenlyWithinTheRecordLimit() {
        assertEquals(
                List.of(250, 250, 250, 250),
                CallPlanner.plan(records(1000, 10), 4).stream().map(List::size).toList());
        assertEquals(
                List.of(500, 500, 500, 500, 500, 500, 500, 500),
                CallPlanner.plan(records(4000, 10), 4).stream().map(List::size).toList());
    }

    @Test
    void shouldNotSplitWhatIsSmallerThanTheParallelism() {
        assertEquals(
                List.of(1, 1),
                CallPlanner.plan(records(2, 10), 4).stream().map(List::size).toList());
        assertEquals(
                List.of(1),
                CallPlanner.plan(records(1, 10), 4).stream().map(List::size).toList());
    }

    @Test
    void shouldFillOneRoundRatherThanCutAtAQuarterOfTheBytes() {
        // 5.4 MB in six records at a parallelism of 4: a quarter is 1.35 MB, which holds one record per call, so
        // cutting there makes six calls (two rounds); pairs make three calls of 1.8 MB, one round.
        assertEquals(
                List.of(2, 2, 2),
                CallPlanner.plan(records(6, 900_000), 4).stream()
                        .map(List::size)
                        .toList());
    }

    @Test
    void shouldUseTheFewestRoundsAndTheSmallestLargestCallOverRandomRecords() {
        Random random = new Random(42);
        for (int round = 0; round < 3_000; round++) {
            int parallelism = 1 + random.nextInt(5);
            List<PackedRecord> records = new ArrayList<>();
            int count = random.nextInt(9);
            for (int i = 0; i < count; i++) {
                records.add(new PackedRecord(new byte[1 + random.nextInt(1_024_000)], List.of()));
            }
            List<List<PackedRecord>> calls = CallPlanner.plan(records, parallelism);

            String context = "parallelism " + parallelism + ", sizes "
                    + records.stream().map(r -> r.data().length).toList();
            assertEquals(
                    records, calls.stream().flatMap(List::stream).toList(), "every record once, in order: " + context);
            calls.forEach(call -> assertTrue(bytes(call) <= CallPlanner.MAX_BYTES_PER_CALL, context));
            int fewestRounds = (fewestCalls(records) + parallelism - 1) / parallelism;
            assertEquals(fewestRounds, (calls.size() + parallelism - 1) / parallelism, "rounds: " + context);
            if (parallelism > 1) {
                long largest =
                        calls.stream().mapToLong(CallPlannerTest::bytes).max().orElse(0);
                int callsInRounds = Math.min(records.size(), fewestRounds * parallelism);
                assertEquals(smallestLargestCall(records, 0, callsInRounds), largest, "largest call: " + context);
            }
        }
    }

    /** By brute force: the fewest calls the limits allow. */
    private static int fewestCalls(List<PackedRecord> records) {
        for (int calls = 0; ; calls++) {
            if (smallestLargestCall(records, 0, calls) != Long.MAX_VALUE) {
                return calls;
            }
        }
    }

    /** By brute force: the smallest largest call over every split of records[from..] into at most {@code calls}. */
    private static long smallestLargestCall(List<PackedRecord> records, int from, int calls) {
        if (from == records.size()) {
            return 0;
        }
        if (calls == 0) {
            return Long.MAX_VALUE;
        }
        long best = Long.MAX_VALUE;
        long bytes = 0;
        for (int end = from + 1; end <= records.size(); end++) {
            bytes += records.get(end - 1).data().length;
            if (bytes > CallPlanner.MAX_BYTES_PER_CALL || end - from > CallPlanner.MAX_RECORDS_PER_CALL) {
                break;
            }
            best = Math.min(best, Math.max(bytes, smallestLargestCall(records, end, calls - 1)));
        }
        return best;
    }

    private static long bytes(List<PackedRecord> call) {
        return call.stream().mapToLong(r -> r.data().length).sum();
    }

    @Test
    void shouldPlanNoCallForNoRecords() {
        assertTrue(CallPlanner.plan(List.of()).isEmpty());
    }

    private static List<PackedRecord> records(int count, int size) {
        List<PackedRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(new PackedRecord(new byte[size], List.of()));
        }
        return records;
    }
}
