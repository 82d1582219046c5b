package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordLineEncoderTest {

    private final List<KafkaRecord> mixed = EventFixtures.decode("msk-mixed.json").records();

    @Test
    void shouldWriteTheDecodedValueNeverBase64() {
        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(mixed.get(0));

        assertEquals("{\"event_time\":\"2026-11-25T20:01:01.123\",\"ticker\":\"AMZN\",\"price\":61.17}",
                new String(line, StandardCharsets.UTF_8));
    }

    @Test
    void shouldKeepBinaryValuesByteForByte() {
        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(mixed.get(4));

        assertEquals(7, line.length);
        assertEquals((byte) 0xff, line[3]);
    }

    @Test
    void shouldCompactMultiLineJsonOntoOneLine() {
        KafkaRecord pretty = record("{\n  \"a\": 1,\n  \"b\": [1, 2]\n}");

        byte[] line = new RecordLineEncoder(OutputFormat.VALUE).encode(pretty);

        assertEquals("{\"a\":1,\"b\":[1,2]}", new String(line, StandardCharsets.UTF_8));
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

    private static JsonNode parse(byte[] line) throws IOException {
        return new ObjectMapper().readTree(line);
    }

    private static KafkaRecord record(String value) {
        return new KafkaRecord(new TopicPartition("t", 0), 1, 0, TimestampType.CREATE_TIME, null,
                value.getBytes(StandardCharsets.UTF_8), List.of());
    }
}
