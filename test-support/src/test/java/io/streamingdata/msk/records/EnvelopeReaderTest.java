package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reader against real forwarder output: the sample the forwarder's own test keeps equal to what it writes for
 * every kind of record (JSON, multi-line JSON, text, unicode, binary, empty, no key, tombstones, repeated, empty and
 * null headers, schema metadata).
 */
class EnvelopeReaderTest {

    /** The forwarder's committed envelope sample, which its own test keeps equal to what it writes. */
    static final Path SAMPLE = Path.of("../firehose-forwarder/src/test/resources/samples/envelope.jsonl");

    @Test
    void shouldReadEverySampleLineBackIntoTheRecordThatWritesExactlyThatLine() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);
        assertEquals(13, lines.size());

        for (String line : lines) {
            KafkaRecord record = envelope(line);

            assertEquals(line, new String(write(record), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldGiveBackTheRecordsTheSampleWasWrittenFrom() throws IOException {
        List<KafkaRecord> sources =
                new ArrayList<>(EventFixtures.decode("msk-mixed.json").records());
        sources.addAll(EventFixtures.decode("msk-schema-registry.json").records());
        sources.addAll(EventFixtures.decode("glue-protobuf.json").records());
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);

        for (int i = 0; i < sources.size(); i++) {
            assertEquals(sources.get(i), envelope(lines.get(i)), lines.get(i));
        }
    }

    @Test
    void shouldRestoreTombstonesBinaryValuesAndNullHeadersAsBytes() throws IOException {
        List<String> lines = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8);

        KafkaRecord tombstone = envelope(lines.get(2));
        KafkaRecord binary = envelope(lines.get(4));
        KafkaRecord headers = envelope(lines.get(10));

        assertTrue(tombstone.isTombstone());
        assertArrayEquals("AMZN".getBytes(StandardCharsets.UTF_8), tombstone.key());
        assertArrayEquals(new byte[] {0, 1, 2, -1, -2, -128, 127}, binary.value());
        assertArrayEquals(new byte[] {0, -1, -128, 127}, binary.headers().get(0).value());
        assertEquals(
                List.of("dup", "dup", "empty", "nothing"),
                headers.headers().stream().map(KafkaHeader::name).toList());
        assertArrayEquals(new byte[0], headers.headers().get(2).value());
        assertNull(headers.headers().get(3).value());
        assertEquals(
                "{\n  \"ticker\": \"AMZN\",\n  \"price\": 1.10\n}",
                new String(headers.value(), StandardCharsets.UTF_8));
        assertEquals(TimestampType.LOG_APPEND_TIME, envelope(lines.get(1)).timestampType());
    }

    @Test
    void shouldKeepTheBytesOfEmbeddedJsonWithTheWhitespaceAroundIt() throws IOException {
        byte[] value = " \t{\"price\": 1.10, \"big\": 1e400} \t".getBytes(StandardCharsets.UTF_8);
        byte[] key = "[1,2]".getBytes(StandardCharsets.UTF_8);
        KafkaRecord source = new KafkaRecord(
                new TopicPartition("t", 3),
                9,
                5L,
                TimestampType.CREATE_TIME,
                key,
                value,
                List.of(new KafkaHeader("h", " {}".getBytes(StandardCharsets.UTF_8))));

        byte[] line = write(source);

        assertTrue(new String(line, StandardCharsets.UTF_8).contains("\"valueFormat\":\"json\""));
        assertEquals(source, envelope(new String(line, StandardCharsets.UTF_8)));
    }

    @Test
    void shouldTellValueFormatLinesFromEnvelopes() {
        for (String line : List.of(
                "{\"event_time\":\"2026-11-25T20:01:01\",\"ticker\":\"AMZN\",\"price\":61.17}",
                "plain text",
                "base64:AAEC",
                "[1,2,3]",
                "{\"topic\":\"t\",\"partition\":0}",
                "")) {
            assertInstanceOf(EnvelopeReader.NotAnEnvelope.class, read(line), line);
        }
    }

    @Test
    void shouldCallAnEnvelopeThatCannotBeReadBackExactlyMalformed() {
        String base = "{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"timestamp\":1,\"timestampType\":\"CREATE_TIME\","
                + "\"key\":null,";
        for (String line : List.of(
                base + "\"value\":\"abc\",\"valueFormat\":\"text\",\"valueSize\":4}",
                base + "\"value\":\"abc\",\"valueSize\":3}",
                base + "\"value\":{\"a\":1},\"valueFormat\":\"text\",\"valueSize\":7}",
                base + "\"value\":\"abc\",\"valueFormat\":\"rot13\",\"valueSize\":3}",
                base + "\"valueSize\":0}",
                base + "\"value\":\"ab\",\"valueFormat\":\"text\"",
                base.replace("CREATE_TIME", "SOMETIME") + "\"value\":null,\"valueSize\":0}")) {
            assertInstanceOf(EnvelopeReader.Malformed.class, read(line), line);
        }
    }

    @Test
    void shouldReadADeadLetterAndRefuseAnUndecodableOne() throws IOException {
        String line = Files.readAllLines(SAMPLE, StandardCharsets.UTF_8).get(4);
        String letter = "{\"reason\":\"too large\",\"cause\":\"RecordTooLarge\",\"deliveryStream\":\"s\","
                + "\"parkedAt\":\"2026-12-02T10:00:00Z\"," + line.substring(1);
        String undecodable =
                "{\"reason\":\"key is not base64\",\"cause\":\"UndecodableRecord\",\"deliveryStream\":\"s\","
                        + "\"topic\":\"t\",\"partition\":0,\"offset\":5,\"raw\":{\"key\":\"!!\"},\"rawFormat\":\"json\"}";

        EnvelopeReader.Line parked = EnvelopeReader.readDeadLetter(letter.getBytes(StandardCharsets.UTF_8));
        EnvelopeReader.Line refused = EnvelopeReader.readDeadLetter(undecodable.getBytes(StandardCharsets.UTF_8));

        assertEquals(
                envelope(line),
                assertInstanceOf(EnvelopeReader.Envelope.class, parked).record());
        assertEquals(
                EnvelopeReader.UNDECODABLE.formatted("key is not base64"),
                assertInstanceOf(EnvelopeReader.Malformed.class, refused).reason());
    }

    private static EnvelopeReader.Line read(String line) {
        return EnvelopeReader.read(line.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaRecord envelope(String line) {
        EnvelopeReader.Line read = read(line);
        return assertInstanceOf(EnvelopeReader.Envelope.class, read, () -> line + " read as " + read)
                .record();
    }

    private static byte[] write(KafkaRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            RecordJson.writeFields(json, record);
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
