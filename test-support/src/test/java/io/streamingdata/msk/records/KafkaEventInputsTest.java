package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs the project did not invent: events shaped like the public examples of the AWS docs, Powertools and the
 * Lambda runtime libraries, with the field variants they show, and inputs at the edges of what a 6 MB event can hold.
 * No record, however malformed, may make the decoder give up on the others.
 */
class KafkaEventInputsTest {

    private final KafkaEventDecoder decoder = new KafkaEventDecoder();

    @Test
    void shouldAcceptTheAwsPrefixedSelfManagedEventSource() {
        KafkaBatch batch = EventFixtures.decode("self-managed-aws-prefix.json");

        assertEquals(EventSource.SELF_MANAGED_KAFKA, batch.source());
        assertEquals("{\"item\":7,\"qty\":3}", utf8(batch.records().get(0).value()));
    }

    @Test
    void shouldKeepSchemaRegistryMetadataOfKeysAndValues() {
        List<KafkaRecord> records =
                EventFixtures.decode("msk-schema-registry.json").records();

        assertEquals(new SchemaMetadata("AVRO", "2"), records.get(0).keySchema());
        assertEquals(new SchemaMetadata("AVRO", "1"), records.get(0).valueSchema());
        assertNull(records.get(1).keySchema(), "no keySchemaMetadata");
        assertEquals(new SchemaMetadata("AVRO", "1"), records.get(1).valueSchema());
        assertNull(records.get(2).keySchema(), "keySchemaMetadata: null");
        assertEquals(new SchemaMetadata(null, "1"), records.get(2).valueSchema());
        assertEquals(
                List.of(88L, 88L, 89L),
                records.stream().map(KafkaRecord::offset).toList(),
                "a repeated offset is kept as the event carries it");
    }

    @Test
    void shouldKeepBinaryProtobufValuesByteForByte() {
        KafkaRecord record =
                EventFixtures.decode("glue-protobuf.json").records().get(0);

        assertEquals(0x0A, record.value()[0], "a Protobuf message starts with field 1, length-delimited: 0x0A");
        assertEquals(PayloadFormat.BASE64, PayloadFormat.of(record.value()));
        assertEquals(new SchemaMetadata("PROTOBUF", "7c1e4b2a-9d3f-4e5a-8b6c-0f1e2d3c4b5a"), record.valueSchema());
        assertEquals(TimestampType.LOG_APPEND_TIME, record.timestampType());
    }

    @Test
    void shouldKeepWhatDecodedAndTheRawJsonOfAHeaderInAnUnexpectedShape() {
        byte[] event = EventFixtures.bytes("header-value-as-base64-string.json");
        KafkaBatch batch = decoder.decode(event);

        UndecodableRecord odd =
                assertInstanceOf(UndecodableRecord.class, batch.entries().get(0));
        assertEquals("header \"carrier\" is a string, not an array of bytes", odd.reason());
        assertEquals("orders-0@31", odd.coordinates());
        assertEquals("order 31 shipped", utf8(odd.decoded().value()));
        assertEquals(1764200000000L, odd.decoded().timestamp());
        String raw = utf8(odd.rawJson());
        assertTrue(raw.startsWith("{") && raw.endsWith("}"), raw);
        assertTrue(raw.contains("\"carrier\": \"ZXhwcmVzcw==\""), raw);
        assertTrue(utf8(event).contains(raw), "the raw JSON is the event's own bytes");
        assertInstanceOf(KafkaRecord.class, batch.entries().get(1));
    }

    @Test
    void shouldDecodeAHeaderNameLongerThanTheParsersDefaultLimit() {
        for (int length : new int[] {50_000, 50_001, 4_000_000}) {
            String name = "h".repeat(length);
            KafkaBatch batch = decoder.decode(event(List.of(record(1, "first", name), record(2, "second", "x"))));

            assertEquals(2, batch.records().size(), "length " + length);
            assertEquals(name, batch.records().get(0).headers().get(0).name());
            assertEquals("second", utf8(batch.records().get(1).value()));
        }
    }

    @Test
    void shouldIsolateRecordsWithLoneSurrogatesInHeaderNames() {
        byte[] event = EventFixtures.bytes("lone-surrogate-header-name.json");
        KafkaBatch batch = decoder.decode(event);

        assertEquals(3, batch.size());
        UndecodableRecord first =
                assertInstanceOf(UndecodableRecord.class, batch.entries().get(0));
        assertEquals(KafkaEventDecoder.NOT_UNICODE, first.reason());
        assertEquals("first", utf8(first.decoded().value()));
        assertEquals(
                List.of("ok\uD83D\uDE00", "bad\uFFFDname"),
                first.decoded().headers().stream().map(KafkaHeader::name).toList(),
                "a valid pair stays a pair");
        assertTrue(utf8(first.rawJson()).contains("\"bad\\ud800name\""), "the raw JSON keeps the original escape");
        KafkaRecord second = assertInstanceOf(KafkaRecord.class, batch.entries().get(1));
        assertEquals("second", utf8(second.value()));
        UndecodableRecord third =
                assertInstanceOf(UndecodableRecord.class, batch.entries().get(2));
        assertEquals(
                List.of("low\uFFFDfirst"),
                third.decoded().headers().stream().map(KafkaHeader::name).toList());
    }

    @Test
    void shouldIsolateRecordsWithBytesThatAreNotUtf8() {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        event.writeBytes(ascii("{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":["
                + "{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"value\":\"eA==\",\"headers\":[{\"bad"));
        event.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        event.writeBytes(ascii("\":[1]}]},{\"topic\":\"t\",\"partition\":0,\"offset\":2,\"value\":\"eQ==\"}]}}"));

        KafkaBatch batch = decoder.decode(event.toByteArray());

        UndecodableRecord bad =
                assertInstanceOf(UndecodableRecord.class, batch.entries().get(0));
        assertEquals("bad?\uFFFD", bad.decoded().headers().get(0).name());
        int invalidAt = bad.rawJson().length - "\":[1]}]}".length() - 4;
        assertEquals((byte) 0xFF, bad.rawJson()[invalidAt], "the raw bytes are the original ones");
        assertEquals(
                "y",
                utf8(assertInstanceOf(KafkaRecord.class, batch.entries().get(1)).value()));
    }

    @Test
    void shouldIsolateNumbersTooLargeForTheirField() {
        String huge = "9".repeat(400);
        byte[] event = ascii("{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":["
                + "{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"value\":\"eA==\",\"headers\":[{\"h\":[" + huge
                + "]}]},"
                + "{\"topic\":\"t\",\"partition\":0,\"offset\":2,\"timestamp\":" + huge + ",\"value\":\"eA==\"},"
                + "{\"topic\":\"t\",\"partition\":0,\"offset\":3,\"value\":\"eQ==\"}]}}");

        KafkaBatch batch = decoder.decode(event);

        assertTrue(assertInstanceOf(UndecodableRecord.class, batch.entries().get(0))
                .reason()
                .contains("where a byte (-128..127) was expected"));
        assertTrue(assertInstanceOf(UndecodableRecord.class, batch.entries().get(1))
                .reason()
                .startsWith("timestamp 999"));
        assertEquals(
                "y",
                utf8(assertInstanceOf(KafkaRecord.class, batch.entries().get(2)).value()));
    }

    @Test
    void shouldRejectAnOffsetTooLargeForKafkaWithThePath() {
        byte[] event = ascii("{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":0,"
                + "\"offset\":99999999999999999999,\"value\":\"eA==\"}]}}");

        InvalidKafkaEventException e = assertThrows(InvalidKafkaEventException.class, () -> decoder.decode(event));

        assertEquals(
                KafkaEventDecoder.RECORD_FIELD_WRONG_TYPE.formatted(
                        "t-0", 0, "offset", "an integer", "an integer out of range"),
                e.getMessage());
    }

    @Test
    void shouldDecodeEveryRecordOfASixMegabyteEventAroundOnePathologicalRecord() {
        List<KafkaRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            records.add(record(i, "v".repeat(1_000), "n"));
        }
        records.set(1_000, record(1_000, "middle", "m".repeat(4_000_000)));
        byte[] event = event(records);
        assertTrue(event.length > 6_000_000, "about Lambda's 6 MB payload limit: " + event.length);

        KafkaBatch batch = decoder.decode(event);

        assertEquals(2_000, batch.records().size());
        assertEquals("middle", utf8(batch.records().get(1_000).value()));
    }

    private static KafkaRecord record(long offset, String value, String headerName) {
        return new KafkaRecord(
                new TopicPartition("t", 0),
                offset,
                1764100000000L + offset,
                TimestampType.CREATE_TIME,
                null,
                value.getBytes(StandardCharsets.UTF_8),
                List.of(new KafkaHeader(headerName, new byte[] {1})));
    }

    private static byte[] event(List<KafkaRecord> records) {
        return new KafkaEventEncoder().encode(EventSource.MSK, null, null, records);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
