package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PayloadWriterTest {

    @Test
    void shouldClassifyJsonTextAndBinary() {
        assertEquals(PayloadFormat.JSON, PayloadFormat.of(utf8(" {\"a\":[1,2]}\n")));
        assertEquals(PayloadFormat.JSON, PayloadFormat.of(utf8("[]")));
        assertEquals(PayloadFormat.TEXT, PayloadFormat.of(utf8("{\"a\":1} trailing")), "not a single JSON value");
        assertEquals(PayloadFormat.TEXT, PayloadFormat.of(utf8("42")), "scalars stay text");
        assertEquals(PayloadFormat.TEXT, PayloadFormat.of(utf8("zwölf € 🚀\ttab")));
        assertEquals(PayloadFormat.TEXT, PayloadFormat.of(new byte[0]));
        assertEquals(PayloadFormat.BASE64, PayloadFormat.of(new byte[] {'a', 0, 'b'}), "NUL is not text");
        assertEquals(PayloadFormat.BASE64, PayloadFormat.of(new byte[] {(byte) 0xC3}), "cut multi-byte character");
        assertEquals(PayloadFormat.BASE64, PayloadFormat.of(new byte[] {(byte) 0xC0, (byte) 0x80}), "overlong");
        assertEquals(
                PayloadFormat.BASE64,
                PayloadFormat.of(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}),
                "surrogate");
    }

    @Test
    void shouldEmbedJsonAsJsonOnOneLine() throws IOException {
        assertEquals(
                "{\"v\":{\"a\":1,\"b\":[true,null]},\"vFormat\":\"json\"}",
                write("{\n  \"a\": 1,\n  \"b\": [true, null]\n}", Integer.MAX_VALUE));
        assertEquals("{\"v\":{\"a\":\"x\"},\"vFormat\":\"json\"}", write("{\"a\":\"x\"}", Integer.MAX_VALUE));
    }

    @Test
    void shouldEscapeTextAndEncodeBinaryAsBase64() throws IOException {
        assertEquals("{\"v\":\"say \\\"hi\\\"\\n\",\"vFormat\":\"text\"}", write("say \"hi\"\n", Integer.MAX_VALUE));
        assertEquals("{\"v\":\"AP8=\",\"vFormat\":\"base64\"}", write(new byte[] {0, (byte) 0xff}, 100));
        assertEquals("{\"v\":null}", write((byte[]) null, 100));
    }

    @Test
    void shouldTruncateAtACharacterBoundaryAndSayThatItDid() throws IOException {
        assertEquals("{\"v\":\"{\\\"a\\\"\",\"vFormat\":\"text\",\"vTruncated\":true}", write("{\"a\":1}", 4));
        // "aé" is 61 C3 A9: a cut after two bytes would split the é.
        assertEquals("{\"v\":\"a\",\"vFormat\":\"text\",\"vTruncated\":true}", write("aéb", 2));
        assertEquals("{\"v\":\"AAE=\",\"vFormat\":\"base64\",\"vTruncated\":true}", write(new byte[] {0, 1, 2, 3}, 2));
    }

    private static String write(String value, int max) throws IOException {
        return write(utf8(value), max);
    }

    private static String write(byte[] value, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.writeStartObject();
            PayloadWriter.writeField(json, "v", value, max);
            json.writeEndObject();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
