package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.records.StockTicks;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-JVM benchmarks the README cites run on the benchmark's own event and report what they measured. */
class MicroBenchmarksTest {

    @TempDir
    Path directory;

    @Test
    void decodeClassifyAndPackBenchmarksReportTheEventTheyRanOn() throws Exception {
        Path event = directory.resolve("event.json");
        Files.write(event, StockTicks.event(120, 300, 2));
        String decode = run(() -> DecodeBenchmark.main(new String[] {event.toString(), "2", "3"}));
        assertTrue(decode.startsWith("decode: 120 records, median "), decode);
        String classify = run(() -> ClassifyBenchmark.main(new String[] {event.toString(), "2", "3"}));
        // each record has a key and two headers
        assertTrue(classify.startsWith("classify: 120 values "), classify);
        assertTrue(classify.contains(" 360 keys and headers "), classify);
        assertTrue(classify.contains("Jackson parsing the values"), classify);
        String pack = run(() -> PackBenchmark.main(new String[] {event.toString(), "2", "3"}));
        // 120 envelopes of some 700 bytes fit one aggregated Firehose record
        assertTrue(pack.startsWith("pack: 120 records into 1 Firehose records per batch, CPU median "), pack);
        assertTrue(pack.matches("(?s).*allocated [0-9.]+ MB per batch\\s*"), pack);
    }

    private interface Main {
        void run() throws Exception;
    }

    private static String run(Main main) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
