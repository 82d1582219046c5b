package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Log lines must keep the time text they had when {@code Instant} formatted it, record for record. */
class TimestampTextTest {

    private final TimestampText formatter = new TimestampText();

    @Test
    void writesWhatInstantWritesAtTheEdges() {
        long[] edges = {
            0,
            1,
            10,
            99,
            100,
            999,
            1000,
            1001,
            59_999,
            60_000,
            86_399_999,
            86_400_000,
            951_782_400_000L, // 2000-02-29
            1_764_100_800_000L,
            1_764_100_800_001L,
            1_764_100_800_010L,
            1_764_100_800_100L,
            253_402_300_799_999L, // 9999-12-31T23:59:59.999Z, the last four-digit year
            253_402_300_800_000L, // +10000-01-01T00:00:00Z
            Long.MAX_VALUE / 1000,
            -1,
            -1000,
            -1001
        };
        for (long millis : edges) {
            assertFormats(millis);
        }
    }

    @Test
    void writesWhatInstantWritesForABatchThatStepsThroughSecondsAndBack() {
        Random random = new Random(9);
        long base = 1_764_100_800_000L;
        for (int i = 0; i < 20_000; i++) {
            // mostly neighbours within a few seconds, sometimes a jump: the cached second must follow either way
            long millis =
                    random.nextInt(50) == 0 ? random.nextLong(0, 4_000_000_000_000L) : base + random.nextInt(5_000);
            assertFormats(millis);
        }
    }

    private void assertFormats(long millis) {
        int length = formatter.format(millis);
        assertEquals(Instant.ofEpochMilli(millis).toString(), new String(formatter.chars(), 0, length), "" + millis);
    }
}
