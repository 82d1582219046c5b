package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The envelopes (the forwarder's lines and what a restore reads) and dead-letter bodies of every decodable fixture,
 * byte for byte as a golden file keeps them, so that a faster writer cannot change them unnoticed. After a change
 * to the format that is meant, {@code -Dgolden.write=true} rewrites the file, and its diff is the change.
 */
class RecordJsonGoldenTest {

    /** Every fixture that decodes, each with something the others lack. */
    static final List<String> FIXTURES = List.of(
            "msk-basic.json",
            "msk-mixed.json",
            "msk-bad-headers.json",
            "msk-schema-registry.json",
            "glue-protobuf.json",
            "header-value-as-base64-string.json",
            "lone-surrogate-header-name.json",
            "self-managed.json",
            "self-managed-aws-prefix.json",
            "msk-empty-records.json");

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "envelopes.jsonl");

    @Test
    void shouldWriteTheEnvelopesAndDeadLettersTheGoldenFileHolds() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (String fixture : FIXTURES) {
            actual.append("# ").append(fixture).append('\n');
            RecordJson.Envelopes envelopes = new RecordJson.Envelopes();
            for (BatchEntry entry : EventFixtures.decode(fixture).entries()) {
                byte[] line = entry instanceof KafkaRecord record ? envelopes.write(record) : deadLetter(entry);
                actual.append(new String(line, StandardCharsets.UTF_8)).append('\n');
            }
        }
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(GOLDEN, actual);
        }

        assertEquals(Files.readString(GOLDEN), actual.toString());
    }

    @Test
    void shouldWriteTheEnvelopesAfterOneThatFailedHalfWayAsAFreshWriterWould() {
        List<KafkaRecord> records = EventFixtures.decode("msk-mixed.json").records();
        RecordJson.Envelopes failing = new RecordJson.Envelopes(new FailingOnceJsonFactory(101));
        RecordJson.Envelopes fresh = new RecordJson.Envelopes();

        for (KafkaRecord record : records) {
            if (record.offset() == 101) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.write(record));
                assertEquals("injected", e.getMessage());
                fresh.write(record);
                continue;
            }
            assertEquals(
                    new String(fresh.write(record), StandardCharsets.UTF_8),
                    new String(failing.write(record), StandardCharsets.UTF_8));
        }
        assertEquals(101, records.get(1).offset(), "the failure falls between envelopes");
    }

    private static byte[] deadLetter(BatchEntry entry) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            RecordJson.writeUndecodable(json, (UndecodableRecord) entry);
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
