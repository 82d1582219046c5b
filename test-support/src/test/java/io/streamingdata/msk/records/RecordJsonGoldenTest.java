package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The envelopes (the forwarder's lines and what a restore reads) and dead-letter bodies, with their reasons, of every
 * decodable fixture, byte for byte as a golden file keeps them, so that a faster writer cannot change them unnoticed.
 * After a change to the format that is meant, {@code -Dgolden.write=true} rewrites the file, and its diff is the
 * change.
 */
class RecordJsonGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "envelopes.jsonl");

    @Test
    void shouldWriteTheEnvelopesAndDeadLettersTheGoldenFileHolds() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (String fixture : EventFixtures.DECODABLE) {
            actual.append("# ").append(fixture).append('\n').append(BatchLines.of(EventFixtures.decode(fixture)));
        }
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(GOLDEN, actual);
        }

        assertEquals(Files.readString(GOLDEN), actual.toString());
    }

    @Test
    void shouldWriteTheEnvelopesAfterOneThatFailedHalfWayAsAFreshWriterWould() {
        List<KafkaRecord> records = EventFixtures.decode("msk-mixed.json").records();
        ByteArrayOutputStream failingOut = new ByteArrayOutputStream();
        ByteArrayOutputStream freshOut = new ByteArrayOutputStream();
        RecordJson.Envelopes failing = new RecordJson.Envelopes(failingOut, new FailingOnceJsonFactory(101));
        RecordJson.Envelopes fresh = new RecordJson.Envelopes(freshOut);

        for (KafkaRecord record : records) {
            failingOut.reset();
            freshOut.reset();
            if (record.offset() == 101) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.write(record));
                assertEquals("injected", e.getMessage());
                fresh.write(record);
                continue;
            }
            fresh.write(record);
            failing.write(record);
            assertEquals(freshOut.toString(StandardCharsets.UTF_8), failingOut.toString(StandardCharsets.UTF_8));
        }
        assertEquals(101, records.get(1).offset(), "the failure falls between envelopes");
    }
}
