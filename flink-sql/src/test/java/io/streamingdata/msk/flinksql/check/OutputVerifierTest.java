package io.streamingdata.msk.flinksql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputVerifierTest {

    private static final Tick AMZN =
            new Tick(LocalDateTime.of(2026, 1, 15, 10, 59, 58, 250_000_000), "AMZN", new BigDecimal("57.31"));
    private static final Tick MSFT = new Tick(LocalDateTime.of(2026, 1, 15, 11, 0, 1), "MSFT", new BigDecimal("99.5"));
    private static final String AMZN_DIR = "ticker=AMZN/dt=2026-01-15/hr=10";
    private static final String MSFT_DIR = "ticker=MSFT/dt=2026-01-15/hr=11";

    @TempDir
    Path root;

    private void write(String partition, String file, String... lines) throws IOException {
        Path dir = root.resolve(partition);
        Files.createDirectories(dir);
        Files.write(dir.resolve(file), List.of(lines));
    }

    private void writeCommitted() throws IOException {
        write(AMZN_DIR, "part-0-0", "{\"event_time\":\"2026-01-15 10:59:58.25\",\"price\":57.31}");
        write(AMZN_DIR, "_SUCCESS");
        write(MSFT_DIR, "part-0-1", "{\"event_time\":\"2026-01-15 11:00:01\",\"price\":99.5}");
        write(MSFT_DIR, "_SUCCESS");
    }

    @Test
    void shouldAcceptEveryExpectedTickOnceInItsCommittedPartition() throws IOException {
        writeCommitted();

        OutputVerifier.Result result = new OutputVerifier().verify(root, List.of(AMZN, MSFT));

        assertTrue(result.ok(), result.problems().toString());
        assertEquals(2, result.rows());
        assertEquals(2, result.rowsPerPartition().size());
    }

    @Test
    void shouldReportAPartitionWithoutSuccessFile() throws IOException {
        write(AMZN_DIR, "part-0-0", "{\"event_time\":\"2026-01-15 10:59:58.25\",\"price\":57.31}");

        OutputVerifier.Result result = new OutputVerifier().verify(root, List.of(AMZN));

        assertEquals(List.of("partition " + AMZN_DIR + " is not committed (no _SUCCESS)"), result.problems());
    }

    @Test
    void shouldReportDuplicatesMissingTicksAndRowsAtOrBelowFifty() throws IOException {
        writeCommitted();
        write(
                AMZN_DIR,
                "part-0-2",
                "{\"event_time\":\"2026-01-15 10:59:58.25\",\"price\":57.31}",
                "{\"event_time\":\"2026-01-15 10:30:00\",\"price\":50.0}");

        OutputVerifier.Result result = new OutputVerifier().verify(root, List.of(AMZN));

        assertTrue(
                result.problems().contains("written 2 times: " + AMZN),
                result.problems().toString());
        assertTrue(
                result.problems().stream().anyMatch(p -> p.startsWith("row with price 50 (not above 50)")),
                result.problems().toString());
        assertTrue(
                result.problems().stream().anyMatch(p -> p.startsWith("unexpected row: MSFT")),
                result.problems().toString());
    }

    @Test
    void shouldReportARowInTheWrongHourAndALeftoverInProgressFile() throws IOException {
        writeCommitted();
        write(MSFT_DIR, "part-0-3", "{\"event_time\":\"2026-01-15 12:00:00\",\"price\":70}");
        write(MSFT_DIR, ".part-0-4.inprogress.1234");

        OutputVerifier.Result result = new OutputVerifier().verify(root, List.of(AMZN, MSFT));

        assertTrue(
                result.problems().stream().anyMatch(p -> p.contains("belongs in ticker=MSFT/dt=2026-01-15/hr=12")),
                result.problems().toString());
        assertTrue(
                result.problems().stream().anyMatch(p -> p.startsWith("uncommitted file left behind")),
                result.problems().toString());
    }

    @Test
    void shouldReportFilesOutsidePartitionsAndAnEmptySink() throws IOException {
        Files.writeString(root.resolve("stray.json"), "{}");

        assertFalse(new OutputVerifier().verify(root, List.of()).ok());
        assertFalse(new OutputVerifier()
                .verify(root.resolve("missing"), List.of(AMZN))
                .ok());
    }
}
