package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.FailingOnceJsonFactory;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.LogLines;
import io.streamingdata.msk.records.StockTicks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The logging rules on their own, without Quarkus: truncation, chunking, missing events. */
class RecordLoggingServiceTest {

    private final CollectingSink sink = new CollectingSink();

    @Test
    void shouldTruncateLongValuesAndKeysButKeepTheOriginalSize() {
        RecordLoggingService service = new RecordLoggingService(sink, limits(8, 3));

        service.log(EventFixtures.decode("msk-mixed.json"));

        JsonNode json = sink.lines().record("ticks", 0, 100);
        assertEquals("{\"event_", json.get("value").asText());
        assertEquals("text", json.get("valueFormat").asText(), "a cut JSON value is no longer JSON");
        assertTrue(json.get("valueTruncated").asBoolean());
        assertEquals(70, json.get("valueSize").asInt());
        assertEquals("AMZ", json.get("key").asText());
        assertTrue(json.get("keyTruncated").asBoolean());
    }

    @Test
    void shouldHandTheSinkOnlyCompleteLines() {
        RecordLoggingService service = new RecordLoggingService(sink, limits(8192, 1024));

        service.log(EventFixtures.decode("msk-mixed.json"));

        assertEquals(9, sink.text().split("\n").length, "6 records, 2 undecodable, 1 summary");
        assertTrue(sink.chunks.stream().allMatch(chunk -> chunk.endsWith("\n")));
    }

    @Test
    void shouldWriteLargeBatchesInChunksOfWholeLines() {
        RecordLoggingService service = new RecordLoggingService(sink, limits(8192, 1024));
        KafkaBatch big = new KafkaEventDecoder().decode(StockTicks.event(500, 1000, 3));

        LogSummary summary = service.log(big);

        assertEquals(500, summary.logged());
        assertTrue(sink.chunks.size() > 1, "a 500 KB batch is not held back until the end");
        assertTrue(sink.chunks.stream().allMatch(chunk -> chunk.endsWith("\n")));
        assertEquals(500, sink.lines().ofType("record").size());
    }

    @Test
    void shouldRejectAMissingEvent() {
        RecordLoggingService service = new RecordLoggingService(sink, limits(8192, 1024));

        InvalidKafkaEventException e = assertThrows(InvalidKafkaEventException.class, () -> service.log(null));

        assertEquals(KafkaEventDecoder.NO_EVENT, e.getMessage());
    }

    @Test
    void shouldCountBytesOfKeysValuesAndHeaders() {
        RecordLoggingService service = new RecordLoggingService(sink, limits(8192, 1024));
        KafkaBatch batch = EventFixtures.decode("msk-basic.json");

        LogSummary summary = service.log(batch);

        // order-7 (7) + {"id":7,"sum":9.99} (19) + source/web (9) + note/ë (6) + order-8 (7)
        assertEquals(48, summary.bytes());
        assertEquals(1, summary.tombstones());
    }

    @Test
    void shouldLeaveAnErrorLineForARecordThatFailsHalfWayAndTheOtherLinesAsTheyWouldBe() {
        KafkaBatch batch = EventFixtures.decode("msk-mixed.json");
        CollectingSink clean = new CollectingSink();
        new RecordLoggingService(clean, limits(8192, 1024)).log(batch);
        // Fails once, in the offset of ticks-0 record 101: after the line's first fields, inside its object.
        RecordLoggingService failing =
                new RecordLoggingService(sink, limits(8192, 1024), new FailingOnceJsonFactory(101));

        LogSummary summary = failing.log(batch);

        List<String> expected = new ArrayList<>(List.of(clean.text().split("\n")));
        List<String> written = new ArrayList<>(List.of(sink.text().split("\n")));
        assertEquals(expected.size(), written.size(), "one line per record and the summary, and no fragment");
        int failed = -1;
        for (int i = 0; i < expected.size() - 1; i++) {
            if (!expected.get(i).equals(written.get(i))) {
                assertEquals(-1, failed, "only the failed record's line differs: " + written.get(i));
                failed = i;
            }
        }
        JsonNode error = LogLines.parse(written.get(failed)).only("unloggable");
        assertEquals("ERROR", error.get("level").asText());
        assertEquals("ticks", error.get("topic").asText());
        assertEquals(101, error.get("offset").asLong());
        assertEquals(
                "java.lang.IllegalStateException: injected", error.get("reason").asText());
        assertEquals(batch.size(), summary.records());
        assertEquals(batch.records().size() - 1, summary.logged(), "the failed record is not counted as logged");
    }

    @Test
    void shouldWriteTheRecordLineTheReadmeShows() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int block = readme.indexOf("```json", readme.indexOf("A record line (`type` is `record`):"));
        String shown = readme.substring(block + "```json".length(), readme.indexOf("```", block + 7))
                .replace("\n ", "")
                .strip();

        new RecordLoggingService(sink, limits(8192, 1024)).log(EventFixtures.decode("msk-basic.json"));

        assertEquals(shown, sink.text().split("\n")[0], "the README's example, fields in order");
    }

    private static LoggerConfig limits(int maxValueBytes, int maxKeyBytes) {
        return LogLineLimitsTest.config(maxValueBytes, maxKeyBytes, 256_000);
    }

    private static final class CollectingSink implements LogSink {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final List<String> chunks = new ArrayList<>();

        @Override
        public void write(byte[] buffer, int offset, int length) {
            chunks.add(new String(buffer, offset, length, StandardCharsets.UTF_8));
            out.write(buffer, offset, length);
        }

        @Override
        public void flush() {}

        String text() {
            return out.toString(StandardCharsets.UTF_8);
        }

        LogLines lines() {
            return LogLines.parse(text());
        }
    }
}
