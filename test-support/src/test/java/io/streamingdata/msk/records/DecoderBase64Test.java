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
                "QUJDQQ==QUJD"
            })
    void unusualBase64DecodesOrFailsExactlyAsTheJdkDecides(String value) throws Exception {
        String event = "{\"eventSource\":\"aws:kafka\",\"records\":{\"t-0\":[{\"topic\":\"t\",\"partition\":0,"
                + "\"offset\":1,\"timestamp\":1,\"timestampType\":\"CREATE_TIME\",\"key\":\"" + value + "\","
                + "\"value\":\"" + value + "\",\"headers\":[]}]}}";
        assertSameAsJdk(event.getBytes(StandardCharsets.UTF_8));
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
