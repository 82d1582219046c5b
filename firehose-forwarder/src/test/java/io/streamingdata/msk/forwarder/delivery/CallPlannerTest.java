package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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
