package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decoder reads key and value from the parser's buffer with its own base64 fast path; for every fixture and for
 * base64 the fast path does not take, the bytes and the reasons must be what the JDK's decoder gives for the text.
 */
class DecoderBase64Test {

    private static final ObjectMapper TREE = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "glue-protobuf.json",
                "header-value-as-base64-string.json",
                "msk-bad-headers.json",
                "msk-basic.json",
                "msk-empty-records.json",
                "msk-mixed.json",
                "msk-schema-registry.json",
                "self-managed-aws-prefix.json",
                "self-managed.json"
            })
    void keysAndValuesOfEveryFixtureAreTheJdkDecodersBytes(String fixture) throws Exception {
        assertSameAsJdk(EventFixtures.bytes(fixture));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "QQ",
                "QUI",
                "QR==",
                "QUJD====",
                "QQ=A",
                "QU JD",
                "QUJD\\n",
                "\\u0051UJD",
                "QUJ\u00c4",
                "Q-_A",
                "",
                "=",
                "QUJDQQ==QUJD",
                "QU\\/D",
                "QUJ\\u0044",
                "QU\\\"D",
                "QUJD\\\\",
                "\\\"QUJD"
            })
    void unusualBase64DecodesOrFailsExactlyAsTheJdkDecides(String value) throws Exception {
        String event = "{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":0,"
                + "\"offset\":1,\"timestamp\":1,\"timestampType\":\"CREATE_TIME\",\"key\":\"" + value + "\","
                + "\"value\":\"" + value + "\",\"headers\":[]}]}}";
        assertSameAsJdk(event.getBytes(StandardCharsets.UTF_8));
    }

    /** Where the string closes is found from the token after it, across any white space a writer puts there. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n  ", "\r\n\t"})
    void keyAndValueDecodeWhateverWhiteSpaceSurroundsTheirCommasAndTheRecordsEnd(String space) throws Exception {
        String event = "{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":0,"
                + "\"offset\":1,\"key\"" + space + ":" + space + "\"a2V5\"" + space + "," + space + "\"value\":"
                + space + "\"dmFsdWU=\"" + space + "}," + space + "{\"topic\":\"t\",\"partition\":0,\"offset\":2,"
                + "\"value\":\"dg==\"" + space + "," + space + "\"key\":\"aw==\"}]}}";
        KafkaBatch batch = new KafkaEventDecoder().decode(event.getBytes(StandardCharsets.UTF_8));
        KafkaRecord first = (KafkaRecord) batch.entries().get(0);
        KafkaRecord second = (KafkaRecord) batch.entries().get(1);
        assertEquals("key", new String(first.key(), StandardCharsets.UTF_8));
        assertEquals("value", new String(first.value(), StandardCharsets.UTF_8));
        assertEquals("k", new String(second.key(), StandardCharsets.UTF_8));
        assertEquals("v", new String(second.value(), StandardCharsets.UTF_8));
        assertSameAsJdk(event.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPrettyPrintedFixtureDecodesAsItsCompactForm() throws Exception {
        byte[] compact = EventFixtures.bytes("msk-mixed.json");
        byte[] pretty = TREE.writerWithDefaultPrettyPrinter().writeValueAsBytes(TREE.readTree(compact));
        assertSameAsJdk(pretty);
        List<BatchEntry> expected = new KafkaEventDecoder()
                .decode(TREE.writeValueAsBytes(TREE.readTree(compact)))
                .entries();
        List<BatchEntry> actual = new KafkaEventDecoder().decode(pretty).entries();
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            KafkaRecord want =
                    expected.get(i) instanceof UndecodableRecord u ? u.decoded() : (KafkaRecord) expected.get(i);
            KafkaRecord got = actual.get(i) instanceof UndecodableRecord u ? u.decoded() : (KafkaRecord) actual.get(i);
            assertArrayEquals(want.key(), got.key(), "key of #" + i);
            assertArrayEquals(want.value(), got.value(), "value of #" + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 40, 4000})
    void theBenchmarkEventDecodesToTheJdkDecodersBytes(int records) throws Exception {
        assertSameAsJdk(StockTicks.event(records, 1000, 4));
    }

    private static void assertSameAsJdk(byte[] json) throws Exception {
        KafkaBatch batch = new KafkaEventDecoder().decode(json);
        List<JsonNode> records = new ArrayList<>();
        TREE.readTree(json).path("records").forEach(partition -> partition.forEach(records::add));
        assertEquals(records.size(), batch.size());
        for (int i = 0; i < records.size(); i++) {
            BatchEntry entry = batch.entries().get(i);
            KafkaRecord decoded = entry instanceof UndecodableRecord u ? u.decoded() : (KafkaRecord) entry;
            String problem = null;
            for (String field : new String[] {"key", "value"}) {
                JsonNode text = records.get(i).path(field);
                byte[] actual = field.equals("key") ? decoded.key() : decoded.value();
                if (!text.isTextual()) {
                    continue;
                }
                try {
                    assertArrayEquals(Base64.getDecoder().decode(text.textValue()), actual, field + " of #" + i);
                } catch (IllegalArgumentException rejected) {
                    problem = problem != null
                            ? problem
                            : KafkaEventDecoder.BAD_BASE64.formatted(field, rejected.getMessage());
                }
            }
            if (problem != null) {
                assertEquals(
                        problem,
                        assertInstanceOf(UndecodableRecord.class, entry).reason());
            }
        }
    }
}
