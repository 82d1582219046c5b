package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecordLineEncoderTest {

    private final List<KafkaRecord> mixed =
            EventFixtures.decode("msk-mixed.json").records();

    @Test
    void shouldWriteTheSameEnvelopesWhenABatchSharesOneGeneratorInAnyOrder() {
        List<KafkaRecord> records = new ArrayList<>(mixed);
        records.addAll(EventFixtures.decode("msk-schema-registry.json").records());
        records.addAll(EventFixtures.decode("glue-protobuf.json").records());
        // A record far larger than the rest first, so that a stale tail of its bytes would show in the next lines.
        byte[] large = new byte[20_000];
        Arrays.fill(large, (byte) 'x');
        records.add(
                0,
                new KafkaRecord(new TopicPartition("t", 0), 1, 2, TimestampType.CREATE_TIME, large, large, List.of()));
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20; round++) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            RecordLineEncoder.Lines lines = new RecordLineEncoder(OutputFormat.ENVELOPE).lines(line);
            for (KafkaRecord record : records) {
                line.reset();
                lines.write(record);
                assertArrayEquals(
                        new RecordLineEncoder(OutputFormat.ENVELOPE).encode(record),
                        line.toByteArray(),
                        record.topicPartition() + "@" + record.offset());
            }
            Collections.shuffle(records, new Random(random.nextLong()));
        }
    }

    @Test
    void shouldWriteTheDecodedValueNeverBase64() {
        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(mixed.get(0));

        assertEquals(
                "{\"event_time\":\"2026-11-25T20:01:01.123\",\"ticker\":\"AMZN\",\"price\":61.17}",
                new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void shouldWriteBinaryValuesAsMarkedBase64OnOneLine() {
        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(mixed.get(4));

        assertEquals(RecordLineEncoder.BASE64_MARKER + "AAEC//6Afw==", new String(line, StandardCharsets.US_ASCII));
        assertArrayEquals(mixed.get(4).value(), readBack(line));
    }

    @Test
    void shouldPutMultiLineJsonOnOneLineWithItsTokensUnchanged() {
        KafkaRecord pretty = record("{\n  \"a\": 1.10,\r\n  \"b\": [1e400, 2],\n  \"c\": \"x \\\" y\"\n}");

        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(pretty);

        assertEquals("{\"a\":1.10,\"b\":[1e400,2],\"c\":\"x \\\" y\"}", new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void shouldEncodeTextWithLineBreaksSoThatOneRecordStaysOneLine() {
        KafkaRecord multiLine = record("first line\nsecond line\r\n");

        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(multiLine);

        assertTrue(new String(line, StandardCharsets.US_ASCII).startsWith(RecordLineEncoder.BASE64_MARKER));
        assertEquals("first line\nsecond line\r\n", new String(readBack(line), StandardCharsets.UTF_8));
    }

    @Test
    void shouldEncodeTextThatStartsWithTheMarkerSoItReadsBackAsItself() {
        KafkaRecord lookalike = record("base64:AAAA");

        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(lookalike);

        assertEquals("base64:AAAA", new String(readBack(line), StandardCharsets.UTF_8));
        assertEquals("base64:YmFzZTY0OkFBQUE=", new String(line, StandardCharsets.US_ASCII));
    }

    @Test
    void shouldWritePlainTextAsItIs() {
        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(record("ticker=AMZN price=61.17\tok"));

        assertEquals("ticker=AMZN price=61.17\tok", new String(line, StandardCharsets.UTF_8));
    }

    /** A Protobuf message is full of 0x0A bytes (field 1, length-delimited): none may reach S3 as a line break. */
    @Test
    void shouldNeverWriteALineBreakAndAlwaysReadBackTheSameBytes() {
        SplittableRandom random = new SplittableRandom(20261202L);
        for (int i = 0; i < 2_000; i++) {
            byte[] value = new byte[random.nextInt(0, 64)];
            for (int k = 0; k < value.length; k++) {
                value[k] = (byte) (random.nextInt(4) == 0 ? '\n' : random.nextInt(256));
            }
            byte[] line = RecordLineEncoder.value(value);
            for (byte b : line) {
                assertTrue(b != '\n' && b != '\r', () -> "line break in the line for " + Arrays.toString(value));
            }
            if (PayloadFormat.of(value) != PayloadFormat.JSON) {
                assertArrayEquals(value, readBack(line), () -> "seed 20261202, value " + Arrays.toString(value));
            }
        }
    }

    /** How the README says to read a value-format line back. */
    static byte[] readBack(byte[] line) {
        String marker = RecordLineEncoder.BASE64_MARKER;
        String text = new String(line, StandardCharsets.ISO_8859_1);
        return text.startsWith(marker) ? Base64.getDecoder().decode(text.substring(marker.length())) : line;
    }

    @Test
    void shouldWrapRecordsInAnEnvelopeWithJsonValuesAsJson() throws IOException {
        JsonNode envelope = parse(new RecordLineEncoder(OutputFormat.ENVELOPE).encode(mixed.get(0)));

        assertEquals("ticks", envelope.get("topic").asText());
        assertEquals(0, envelope.get("partition").asInt());
        assertEquals(100, envelope.get("offset").asLong());
        assertEquals("AMZN", envelope.get("key").asText());
        assertEquals("json", envelope.get("valueFormat").asText());
        assertEquals(61.17, envelope.get("value").get("price").asDouble(), "JSON embedded, not double-encoded");
        assertEquals("trace", envelope.get("headers").get(1).get("name").asText());
        assertEquals("b2", envelope.get("headers").get(1).get("value").asText());
    }

    @Test
    void shouldMarkBinaryValuesInTheEnvelope() throws IOException {
        JsonNode envelope = parse(new RecordLineEncoder(OutputFormat.ENVELOPE).encode(mixed.get(4)));

        assertEquals("base64", envelope.get("valueFormat").asText());
        assertEquals("AAEC//6Afw==", envelope.get("value").asText());
    }

    @Test
    void shouldKeepTombstonesInTheEnvelopeOnly() throws IOException {
        KafkaRecord tombstone = mixed.get(2);
        assertTrue(tombstone.isTombstone());

        JsonNode envelope = parse(new RecordLineEncoder(OutputFormat.ENVELOPE).encode(tombstone));

        assertTrue(new RecordLineEncoder(OutputFormat.ENVELOPE).keepsTombstones());
        assertTrue(envelope.get("value").isNull());
        assertEquals(0, envelope.get("valueSize").asInt());
        assertEquals(tombstone.offset(), envelope.get("offset").asLong());
        assertFalse(new RecordLineEncoder(OutputFormat.VALUE).keepsTombstones(), "a value line cannot say null");
    }

    private static JsonNode parse(byte[] line) throws IOException {
        return new ObjectMapper().readTree(line);
    }

    private static KafkaRecord record(String value) {
        return new KafkaRecord(
                new TopicPartition("t", 0),
                1,
                0,
                TimestampType.CREATE_TIME,
                null,
                value.getBytes(StandardCharsets.UTF_8),
                List.of());
    }
}
