package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KafkaEventDecoderTest {

    private final KafkaEventDecoder decoder = new KafkaEventDecoder();

    @Test
    void shouldDecodeTheMskExampleWithSignedHeaderBytesAndATombstone() {
        KafkaBatch batch = EventFixtures.decode("msk-basic.json");

        assertEquals(EventSource.MSK, batch.source());
        assertTrue(batch.sourceArn().startsWith("arn:aws:kafka:eu-west-1:123456789012:cluster/demo/"));
        assertTrue(batch.bootstrapServers().contains(":9098"));
        assertEquals(2, batch.size());
        KafkaRecord first = batch.records().get(0);
        assertEquals(new TopicPartition("orders", 0), first.topicPartition());
        assertEquals(41, first.offset());
        assertEquals(1764100800000L, first.timestamp());
        assertEquals(TimestampType.CREATE_TIME, first.timestampType());
        assertEquals("order-7", utf8(first.key()));
        assertEquals("{\"id\":7,\"sum\":9.99}", utf8(first.value()));
        assertEquals(
                List.of(new KafkaHeader("source", bytes("web")), new KafkaHeader("note", bytes("ë"))), first.headers());
        KafkaRecord tombstone = batch.records().get(1);
        assertEquals("orders-1@17", tombstone.coordinates());
        assertTrue(tombstone.isTombstone());
        assertTrue(tombstone.headers().isEmpty());
    }

    @Test
    void shouldKeepEventOrderAcrossPartitionsAndReportUndecodableRecordsInPlace() {
        KafkaBatch batch = EventFixtures.decode("msk-mixed.json");

        List<String> order =
                batch.entries().stream().map(BatchEntry::coordinates).toList();
        assertEquals(
                List.of(
                        "ticks-0@100",
                        "ticks-0@101",
                        "ticks-0@102",
                        "ticks-0@103",
                        "ticks-1@7",
                        "ticks-1@8",
                        "ticks-1@9",
                        "other-topic-3@5"),
                order);
        assertEquals(
                List.of(
                        new TopicPartition("ticks", 0),
                        new TopicPartition("ticks", 1),
                        new TopicPartition("other-topic", 3)),
                List.copyOf(batch.topicPartitions()));

        UndecodableRecord badValue =
                assertInstanceOf(UndecodableRecord.class, batch.entries().get(5));
        assertTrue(badValue.reason().startsWith("value is not valid base64"), badValue.reason());
        UndecodableRecord badKey =
                assertInstanceOf(UndecodableRecord.class, batch.entries().get(7));
        assertTrue(badKey.reason().startsWith("key is not valid base64"), badKey.reason());
        assertEquals(6, batch.records().size());
        assertEquals(2, batch.undecodable().size());
    }

    @Test
    void shouldKeepRepeatedHeaderNamesNullKeysTombstonesAndBinaryValues() {
        List<KafkaRecord> records = EventFixtures.decode("msk-mixed.json").records();

        KafkaRecord withRepeatedHeaders = records.get(0);
        assertEquals(
                List.of("trace", "trace", "note"),
                withRepeatedHeaders.headers().stream().map(KafkaHeader::name).toList());
        assertEquals("b2", utf8(withRepeatedHeaders.headers().get(1).value()));
        assertEquals("ë", utf8(withRepeatedHeaders.headers().get(2).value()));

        KafkaRecord withoutKey = records.get(1);
        assertFalse(withoutKey.hasKey());
        assertEquals(TimestampType.LOG_APPEND_TIME, withoutKey.timestampType());

        assertTrue(records.get(2).isTombstone(), "value: null is a tombstone");
        assertTrue(records.get(3).isTombstone(), "a missing value is a tombstone");

        KafkaRecord binary = records.get(4);
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe, (byte) 0x80, 0x7f}, binary.value());
        assertArrayEquals(
                new byte[] {0, (byte) 0xff, (byte) 0x80, 0x7f},
                binary.headers().get(0).value());

        KafkaRecord emptyAndNullHeaders = records.get(5);
        assertArrayEquals(new byte[0], emptyAndNullHeaders.headers().get(0).value());
        assertNull(emptyAndNullHeaders.headers().get(1).value());
    }

    @Test
    void shouldDecodeSelfManagedKafkaEvents() {
        KafkaBatch batch = EventFixtures.decode("self-managed.json");

        assertEquals(EventSource.SELF_MANAGED_KAFKA, batch.source());
        assertNull(batch.sourceArn());
        assertEquals("hello", utf8(batch.records().get(0).value()));
    }

    @Test
    void shouldAcceptAnEmptyRecordsObject() {
        KafkaBatch batch = EventFixtures.decode("msk-empty-records.json");

        assertTrue(batch.isEmpty());
    }

    @Test
    void shouldRejectEventsFromOtherServicesNamingTheirSource() {
        InvalidKafkaEventException sqs =
                assertThrows(InvalidKafkaEventException.class, () -> EventFixtures.decode("not-kafka-sqs.json"));
        assertEquals(KafkaEventDecoder.MISSING_EVENT_SOURCE, sqs.getMessage());

        InvalidKafkaEventException kinesis =
                assertThrows(InvalidKafkaEventException.class, () -> EventFixtures.decode("kinesis-event-source.json"));
        assertEquals(KafkaEventDecoder.WRONG_EVENT_SOURCE.formatted("aws:kinesis"), kinesis.getMessage());
    }

    @Test
    void shouldRejectEventsOfTheWrongShapeWithTheirPath() {
        assertRejected("msk-no-records.json", KafkaEventDecoder.MISSING_RECORDS);
        assertRejected("msk-records-array.json", KafkaEventDecoder.RECORDS_NOT_OBJECT.formatted("an array"));
        assertRejected(
                "msk-record-missing-offset.json",
                KafkaEventDecoder.RECORD_FIELD_MISSING.formatted("orders-0", 0, "offset"));
        assertRejected(
                "msk-record-partition-string.json",
                KafkaEventDecoder.RECORD_FIELD_WRONG_TYPE.formatted(
                        "orders-0", 0, "partition", "an integer", "a string"));
    }

    @Test
    void shouldRejectInputThatIsNotAJsonObject() {
        assertEquals(
                KafkaEventDecoder.NOT_AN_OBJECT,
                assertThrows(InvalidKafkaEventException.class, () -> decoder.decode(bytes("[1,2]")))
                        .getMessage());
        assertEquals(
                KafkaEventDecoder.NO_EVENT,
                assertThrows(InvalidKafkaEventException.class, () -> decoder.decode(bytes("null")))
                        .getMessage());
        assertEquals(
                KafkaEventDecoder.NO_EVENT,
                assertThrows(InvalidKafkaEventException.class, () -> decoder.decode(bytes("")))
                        .getMessage());
        String notJson = assertThrows(
                        InvalidKafkaEventException.class, () -> decoder.decode(bytes("{\"eventSource\": aws")))
                .getMessage();
        assertTrue(notJson.startsWith(KafkaEventDecoder.NOT_JSON + " at line 1"), notJson);
    }

    @Test
    void shouldReportHeaderBytesOutOfRangeAsAnUndecodableRecord() {
        KafkaBatch batch = EventFixtures.decode("msk-bad-headers.json");

        assertTrue(assertInstanceOf(UndecodableRecord.class, batch.entries().get(0))
                .reason()
                .contains("300"));
        assertTrue(assertInstanceOf(UndecodableRecord.class, batch.entries().get(1))
                .reason()
                .contains("not an array of bytes"));
        KafkaRecord unsignedAccepted =
                assertInstanceOf(KafkaRecord.class, batch.entries().get(2));
        assertArrayEquals(
                new byte[] {(byte) 0xff, (byte) 0x80},
                unsignedAccepted.headers().get(0).value());
        assertEquals(TimestampType.NO_TIMESTAMP_TYPE, unsignedAccepted.timestampType());
    }

    @Test
    void shouldDecodeAStreamOverTheEventLikeItsBytesAndLeaveTheBytesAsTheyWere() throws IOException {
        for (String fixture : EventFixtures.DECODABLE) {
            byte[] event = EventFixtures.bytes(fixture);
            byte[] untouched = event.clone();

            String fromStream = render(decoder.decode(new ByteArrayInputStream(event)));

            assertEquals(render(decoder.decode(untouched.clone())), fromStream, fixture);
            assertArrayEquals(untouched, event, fixture + ": the decoder parses the stream's own array in place");
        }
        byte[] sqs = EventFixtures.bytes("not-kafka-sqs.json");
        InvalidKafkaEventException fromStream =
                assertThrows(InvalidKafkaEventException.class, () -> decoder.decode(new ByteArrayInputStream(sqs)));
        assertEquals(
                assertThrows(InvalidKafkaEventException.class, () -> decoder.decode(sqs.clone()))
                        .getMessage(),
                fromStream.getMessage());
    }

    /**
     * Lambda writes a record's fields in one order, which the decoder checks for first; every other order, with a
     * field it does not know among them, decodes to the same entries. Both sides go through the same re-serialisation,
     * so only the order differs.
     */
    @Test
    void shouldDecodeARecordsFieldsInAnyOrder() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(20261203);
        for (String fixture : EventFixtures.DECODABLE) {
            if (fixture.equals("lone-surrogate-header-name.json")) {
                continue; // a header name Jackson's tree refuses; only the decoder's own repair reads it
            }
            for (int round = 0; round < 6; round++) {
                ObjectNode inOrder = (ObjectNode) json.readTree(EventFixtures.bytes(fixture));
                ObjectNode shuffled = inOrder.deepCopy();
                inOrder.path("records")
                        .forEach(partition -> partition.forEach(record -> ((ObjectNode) record)
                                .putObject("notAKafkaField")
                                .putArray("values")
                                .add(1)));
                shuffled.path("records")
                        .forEach(partition -> partition.forEach(record -> {
                            ObjectNode fields = (ObjectNode) record;
                            fields.putObject("notAKafkaField")
                                    .putArray("values")
                                    .add(1);
                            List<String> names = new ArrayList<>();
                            fields.fieldNames().forEachRemaining(names::add);
                            Collections.shuffle(names, random);
                            Map<String, JsonNode> values = new LinkedHashMap<>();
                            names.forEach(name -> values.put(name, fields.get(name)));
                            fields.removeAll();
                            values.forEach(fields::set);
                        }));

                KafkaBatch expected = decoder.decode(json.writeValueAsBytes(inOrder));
                KafkaBatch actual = decoder.decode(json.writeValueAsBytes(shuffled));

                assertEquals(expected.records(), actual.records(), fixture + ", round " + round);
                assertEquals(
                        expected.undecodable().stream()
                                .map(u -> u.reason() + " " + u.decoded())
                                .toList(),
                        actual.undecodable().stream()
                                .map(u -> u.reason() + " " + u.decoded())
                                .toList(),
                        fixture + ", round " + round);
            }
        }
    }

    /** The batch's source, then every entry as the forwarder writes it. */
    private static String render(KafkaBatch batch) {
        return batch.source() + " " + batch.sourceArn() + "\n" + BatchLines.of(batch);
    }

    private void assertRejected(String fixture, String expectedMessage) {
        InvalidKafkaEventException e =
                assertThrows(InvalidKafkaEventException.class, () -> EventFixtures.decode(fixture));
        assertEquals(expectedMessage, e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
