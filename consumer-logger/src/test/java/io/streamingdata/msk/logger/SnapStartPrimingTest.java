package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SnapStart hook, called as the Lambda runtime calls it before a snapshot. */
class SnapStartPrimingTest {

    @Test
    void shouldFormatEveryRecordOfThePrimingEventWithoutWritingALine() {
        PrintStream console = System.out;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        LogSummary summary;
        try {
            System.setOut(new PrintStream(written, true));
            SnapStartPriming priming = new SnapStartPriming(LoggerConfigTest.build(Map.of()));
            priming.beforeCheckpoint(null);
            summary = priming.prime();
        } finally {
            System.setOut(console);
        }

        assertEquals(4, summary.logged(), "JSON, text, binary and a tombstone");
        assertEquals(1, summary.tombstones());
        assertEquals(1, summary.binary());
        assertEquals(0, written.size(), "priming writes nothing to the function's log");
    }
}
