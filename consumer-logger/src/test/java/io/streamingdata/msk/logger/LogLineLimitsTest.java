package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventEncoder;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every line fits in one CloudWatch Logs event (262,118 bytes of message), whatever the record carries, and a line
 * that had to leave something out says what.
 */
class LogLineLimitsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLOUDWATCH_MAX = LoggerConfigCheck.CLOUDWATCH_MAX_MESSAGE_BYTES;

    @Test
    void shouldKeepARecordWithFortyLargeHeadersUnderTheLimitAndCountWhatItLeftOut() throws IOException {
        List<KafkaHeader> headers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            headers.add(new KafkaHeader("h" + i, "x".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8)));
        }
        List<String> lines = log(defaults(), record(0, "small value", headers));

        JsonNode line = fitting(lines.get(0));
        assertEquals("record", line.get("type").asText());
        assertEquals("small value", line.get("value").asText(), "the value is kept when the headers are the bulk");
        assertEquals(40, line.get("omitted").get("headerCount").asInt());
        int kept = line.get("headers").size();
        assertEquals(40 - kept, line.get("omitted").get("headers").asInt());
        assertTrue(line.get("headers").get(0).get("valueTruncated").asBoolean());
    }

    @Test
    void shouldKeepARecordWithTwentyThousandSmallHeadersUnderTheLimit() throws IOException {
        List<KafkaHeader> headers = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            headers.add(new KafkaHeader("trace-" + i, ("span-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<String> lines = log(defaults(), record(0, "{\"ok\":true}", headers));

        JsonNode line = fitting(lines.get(0));
        assertTrue(line.get("omitted").get("headers").asInt() > 0);
        assertEquals(20_000, line.get("omitted").get("headerCount").asInt());
        assertEquals(true, line.get("value").get("ok").asBoolean());
    }

    @Test
    void shouldCutAHugeHeaderNameAndSayHowLongItWas() throws IOException {
        String name = "n".repeat(300_000);
        List<String> lines = log(defaults(), record(0, "v", List.of(new KafkaHeader(name, new byte[] {1}))));

        JsonNode header = fitting(lines.get(0)).get("headers").get(0);
        assertTrue(header.get("nameTruncated").asBoolean());
        assertEquals(300_000, header.get("nameLength").asInt());
    }

    @Test
    void shouldCutAHugeValueToWhatFitsWhenTheLimitIsBelowTheValueLimit() throws IOException {
        LoggerConfig config = config(250_000, 1024, 64 * 1024);
        List<String> lines = log(config, record(0, "é".repeat(200_000), List.of()));

        JsonNode line = fitting(lines.get(0), 64 * 1024);
        assertTrue(line.get("valueTruncated").asBoolean());
        assertEquals(400_000, line.get("valueSize").asInt());
    }

    @Test
    void shouldKeepTheRawJsonOfAnUndecodableRecordUnderTheLimit() throws IOException {
        List<KafkaHeader> headers = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            headers.add(new KafkaHeader("header-" + i, "value-of-some-length".getBytes(StandardCharsets.UTF_8)));
        }
        KafkaRecord decoded = record(5, "v", headers);
        byte[] raw = new KafkaEventEncoder().encode(EventSource.MSK, null, null, List.of(decoded));
        List<String> lines = log(defaults(), new UndecodableRecord(decoded, "header \"x\" is a string", raw));

        JsonNode line = fitting(lines.get(0));
        assertEquals("undecodable", line.get("type").asText());
        assertEquals("header \"x\" is a string", line.get("reason").asText());
        assertTrue(line.get("rawTruncated").asBoolean());
        assertEquals(5, line.get("offset").asLong());
    }

    @Test
    void shouldKeepTheSummaryOfThousandsOfPartitionsUnderTheLimit() throws IOException {
        List<BatchEntry> entries = new ArrayList<>();
        String topic = "t".repeat(240);
        for (int partition = 0; partition < 3_000; partition++) {
            entries.add(new KafkaRecord(
                    new TopicPartition(topic, partition),
                    1,
                    0,
                    TimestampType.CREATE_TIME,
                    null,
                    new byte[] {'x'},
                    List.of()));
        }
        CollectingSink sink = new CollectingSink();
        new RecordLoggingService(sink, defaults()).log(new KafkaBatch(EventSource.MSK, null, null, entries));

        List<String> lines = sink.lines();
        JsonNode summary = fitting(lines.get(lines.size() - 1));
        assertEquals("batch", summary.get("type").asText());
        assertEquals(3_000, summary.get("records").asInt());
        assertEquals(
                3_000,
                summary.get("partitions").size()
                        + summary.get("omitted").get("partitions").asInt());
    }

    @Test
    void shouldLogWhatDecodedOfAnUndecodableRecordWithItsRawJson() throws IOException {
        CollectingSink sink = new CollectingSink();
        new RecordLoggingService(sink, defaults()).log(EventFixtures.decode("header-value-as-base64-string.json"));

        JsonNode line = JSON.readTree(sink.lines().get(0));
        assertEquals("undecodable", line.get("type").asText());
        assertEquals("order 31 shipped", line.get("value").asText());
        assertEquals(1764200000000L, line.get("timestamp").asLong());
        assertEquals("json", line.get("rawFormat").asText());
        assertEquals(
                "ZXhwcmVzcw==",
                line.get("raw").get("headers").get(0).get("carrier").asText());
    }

    @Test
    void shouldLogSchemaRegistryMetadata() throws IOException {
        CollectingSink sink = new CollectingSink();
        new RecordLoggingService(sink, defaults()).log(EventFixtures.decode("msk-schema-registry.json"));

        JsonNode line = JSON.readTree(sink.lines().get(0));
        assertEquals("AVRO", line.get("valueSchemaMetadata").get("dataFormat").asText());
        assertEquals("2", line.get("keySchemaMetadata").get("schemaId").asText());
    }

    @Test
    void shouldRefuseALineLimitAboveWhatCloudWatchKeeps() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> LoggerConfigCheck.verify(config(8192, 1024, 300_000)));

        assertEquals(
                LoggerConfigCheck.INVALID_CONFIGURATION
                        + LoggerConfigCheck.BAD_RANGE.formatted(
                                "LOG_MAX_LINE_BYTES", 300_000, LoggerConfigCheck.MIN_LINE_BYTES, CLOUDWATCH_MAX)
                        + ".",
                e.getMessage());
    }

    private static JsonNode fitting(String line) throws IOException {
        return fitting(line, 256_000);
    }

    private static JsonNode fitting(String line, int limit) throws IOException {
        int bytes = line.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= limit, "line of " + bytes + " bytes over " + limit);
        assertFalse(line.contains("\n"));
        return JSON.readTree(line);
    }

    private static List<String> log(LoggerConfig config, BatchEntry entry) {
        CollectingSink sink = new CollectingSink();
        new RecordLoggingService(sink, config).log(new KafkaBatch(EventSource.MSK, null, null, List.of(entry)));
        return sink.lines();
    }

    private static KafkaRecord record(long offset, String value, List<KafkaHeader> headers) {
        return new KafkaRecord(
                new TopicPartition("t", 0),
                offset,
                1764100000000L,
                TimestampType.CREATE_TIME,
                "k".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    private static LoggerConfig defaults() {
        return config(8192, 1024, 256_000);
    }

    static LoggerConfig config(int maxValueBytes, int maxKeyBytes, int maxLineBytes) {
        return new LoggerConfig() {
            @Override
            public int maxValueBytes() {
                return maxValueBytes;
            }

            @Override
            public int maxKeyBytes() {
                return maxKeyBytes;
            }

            @Override
            public int maxLineBytes() {
                return maxLineBytes;
            }
        };
    }

    private static final class CollectingSink implements LogSink {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        @Override
        public void write(byte[] buffer, int offset, int length) {
            out.write(buffer, offset, length);
        }

        @Override
        public void flush() {}

        List<String> lines() {
            return Arrays.asList(out.toString(StandardCharsets.UTF_8).split("\n"));
        }
    }
}
