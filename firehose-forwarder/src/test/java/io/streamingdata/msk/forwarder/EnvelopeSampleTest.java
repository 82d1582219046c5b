package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code src/test/resources/samples/envelope.jsonl} equal to what the forwarder writes in the envelope format
 * for every kind of record (JSON, multi-line JSON, text, unicode, binary, empty, no key, tombstone, repeated, empty
 * and null headers, schema metadata). Others read that file as real forwarder output: the Glue table's Terraform
 * test checks its columns against it. Run with {@code -Dsamples.write=true} to rewrite it after a deliberate change.
 */
class EnvelopeSampleTest {

    static final Path SAMPLE = Path.of("src/test/resources/samples/envelope.jsonl");

    @Test
    void theCommittedSampleIsWhatTheForwarderWrites() throws IOException {
        String written = envelopeLines();

        if (Boolean.getBoolean("samples.write")) {
            Files.writeString(SAMPLE, written, StandardCharsets.UTF_8);
        }
        assertEquals(
                written,
                Files.readString(SAMPLE, StandardCharsets.UTF_8),
                "the envelope changed: rewrite the sample with -Dsamples.write=true and check its readers");
    }

    static String envelopeLines() {
        List<KafkaRecord> records =
                new ArrayList<>(EventFixtures.decode("msk-mixed.json").records());
        records.addAll(EventFixtures.decode("msk-schema-registry.json").records());
        records.addAll(EventFixtures.decode("glue-protobuf.json").records());
        records.add(record(
                1,
                "{\n  \"ticker\": \"AMZN\",\n  \"price\": 1.10\n}",
                "k-1",
                List.of(
                        new KafkaHeader("dup", bytes("one")), new KafkaHeader("dup", bytes("two")),
                        new KafkaHeader("empty", new byte[0]), new KafkaHeader("nothing", null))));
        records.add(record(
                2,
                "значение ✓ with \"quotes\"",
                "ключ-\uD83D\uDD11",
                List.of(new KafkaHeader("заголовок", bytes("✓")))));
        records.add(record(3, "", null, List.of()));
        RecordLineEncoder encoder = new RecordLineEncoder(OutputFormat.ENVELOPE);
        StringBuilder out = new StringBuilder();
        for (KafkaRecord record : records) {
            out.append(new String(encoder.encode(record), StandardCharsets.UTF_8))
                    .append('\n');
        }
        return out.toString();
    }

    private static KafkaRecord record(long offset, String value, String key, List<KafkaHeader> headers) {
        return new KafkaRecord(
                new TopicPartition("samples", 0),
                offset,
                1764100800000L + offset,
                TimestampType.CREATE_TIME,
                key == null ? null : bytes(key),
                bytes(value),
                headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
