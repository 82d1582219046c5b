package io.streamingdata.msk.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import io.streamingdata.msk.records.internal.JsonShape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Wherever the one-pass check answers, it must answer what the classification asked before it: text, and one JSON
 * object or array to Jackson's parser.
 */
class JsonShapeTest {

    /** Characters that make or break JSON, and some that never belong outside strings. */
    private static final String EDITS = "{}[],:\"\\ \t\n\r0123456789-+.eEtrufalsn/bu'xA\u00e9\u20ac\u0001\u0000";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{}",
                "[]",
                " \t\r\n{ } \n",
                "[1,-0,0.5,-1e+9,1E-2,2e3,12345678901234567890]",
                "{\"a\":{\"b\":[true,false,null,\"x\\\"y\\\\z\\/\\b\\f\\n\\r\\t\\u00e9\"]}}",
                "{\"\":\"\",\"k\":[[],{}]}",
                "{\"seq\":0,\"event_time\":\"2026-11-25T20:01:01.123\",\"ticker\":\"AMZN\",\"price\":75.56}",
                "[\"caf\u00e9 \u20ac \ud83d\ude00\"]"
            })
    void acceptsJsonText(String json) throws IOException {
        check(json);
        int shape = JsonShape.of(bytes(json), bytes(json).length);
        assertEquals(json.contains("\n") ? JsonShape.VALID_MULTI_LINE : JsonShape.VALID, shape, json);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "{",
                "[",
                "{]",
                "[}",
                "{} {}",
                "{}x",
                "[1,]",
                "{\"a\":1,}",
                "[01]",
                "[-]",
                "[1.]",
                "[.5]",
                "[+1]",
                "[1e]",
                "[NaN]",
                "[tru]",
                "[truex]",
                "[nul]",
                "{a:1}",
                "{\"a\" 1}",
                "{'a':1}",
                "[\"\\x\"]",
                "[\"\\u12G4\"]",
                "[\"\\u123\"]",
                "[\"tab\there\"]",
                "[\"unterminated]",
                "[1 2]",
                "[\"a\" \"b\"]",
                "[// comment\n1]",
                "\"just a string\"",
                "42",
                "[\u000c]",
                "[\"\u007f\"]"
            })
    void rejectsWhatIsNotJsonText(String json) throws IOException {
        check(json);
        assertEquals(JsonShape.INVALID, JsonShape.of(bytes(json), bytes(json).length), json);
    }

    @Test
    void leavesDeepNestingAndHugeNumbersToTheParser() throws IOException {
        String deep = "[".repeat(JsonShape.MAX_DEPTH + 1) + "]".repeat(JsonShape.MAX_DEPTH + 1);
        assertEquals(JsonShape.UNDECIDED, JsonShape.of(bytes(deep), bytes(deep).length));
        String atLimit = "[".repeat(JsonShape.MAX_DEPTH) + "]".repeat(JsonShape.MAX_DEPTH);
        assertEquals(JsonShape.VALID, JsonShape.of(bytes(atLimit), bytes(atLimit).length));
        String huge = "[" + "9".repeat(JsonShape.MAX_NUMBER_CHARS + 1) + "]";
        assertEquals(JsonShape.UNDECIDED, JsonShape.of(bytes(huge), bytes(huge).length));
        check(atLimit);
    }

    /** Jackson refuses a lone escaped surrogate in a name but not in a value: the parser decides both. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"bad\\ud800name\":1}",
                "{\"pair\\uD83D\\uDE00\":1}",
                "[\"lone \\udc00 in a value\"]",
                "{\"a\":{\"b\\uDBFF\":2}}"
            })
    void leavesEscapedSurrogatesToTheParser(String json) {
        assertEquals(JsonShape.UNDECIDED, JsonShape.of(bytes(json), bytes(json).length), json);
    }

    @Test
    void aNameWithALoneSurrogateIsTextNotJson() {
        byte[] raw = bytes("{\"headers\":[{\"bad\\ud800name\":[1]}]}");
        assertEquals(PayloadFormat.TEXT, PayloadFormat.of(raw), "Jackson refuses to read it back as JSON");
        assertEquals(PayloadFormat.JSON, PayloadFormat.of(bytes("[\"lone \\udc00 in a value\"]")));
    }

    /** The classification says whether a payload spans lines, so that no writer scans for line breaks again. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":1}",
                "{\n  \"a\": 1\r\n}",
                "[1]\n",
                "plain text",
                "two\nlines",
                "carriage\rreturn",
                "{\"a\\ud800\":1}\n",
                "[\"a\"]  x"
            })
    void classifiesTheFormatAndTheLinesTogether(String payload) {
        byte[] b = bytes(payload);
        PayloadFormat.Classification classified = PayloadFormat.classify(b, b.length);
        assertEquals(PayloadFormat.of(b), classified.format(), payload);
        assertEquals(PayloadWriter.containsLineBreak(b), classified.multiLine(), payload);
    }

    @Test
    void binaryIsNeverMultiLine() {
        byte[] b = {(byte) 0xFF, '\n', 0};
        assertEquals(
                new PayloadFormat.Classification(PayloadFormat.BASE64, false), PayloadFormat.classify(b, b.length));
    }

    @Test
    void readsOnlyTheFirstLengthBytes() throws IOException {
        byte[] padded = bytes("{\"a\":[1,2]}garbage");
        assertEquals(JsonShape.VALID, JsonShape.of(padded, 11));
        for (int cut = 0; cut < 11; cut++) {
            assertEquals(JsonShape.INVALID, JsonShape.of(padded, cut), "cut at " + cut);
        }
    }

    @Test
    void rejectsStringsThatAreNotStrictUtf8() throws IOException {
        byte[][] strings = {
            {(byte) 0xC0, (byte) 0x80}, // overlong NUL
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
            {(byte) 0xE2, (byte) 0x82}, // cut short
            {(byte) 0x80}, // a continuation byte alone
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80} // above U+10FFFF
        };
        for (byte[] content : strings) {
            byte[] json = new byte[content.length + 4];
            json[0] = '[';
            json[1] = '"';
            System.arraycopy(content, 0, json, 2, content.length);
            json[json.length - 2] = '"';
            json[json.length - 1] = ']';
            assertEquals(JsonShape.INVALID, JsonShape.of(json, json.length));
            check(json);
        }
    }

    /** Random edits of valid documents, many of them near misses: every answer must be Jackson's. */
    @Test
    void agreesWithJacksonOnRandomEditsOfValidDocuments() throws IOException {
        Random random = new Random(3);
        String[] seeds = {
            "{\"n\\u00e9\":\"\\ud83d\\ude00\",\"x\":[\"\\ud800\"]}",
            "{\"seq\":12,\"event_time\":\"2026-11-25T20:01:01.123\",\"ticker\":\"AMZN\",\"price\":-75.56e2,"
                    + "\"tags\":[\"a\",\"b\\\"c\"],\"ok\":true,\"none\":null,\"nested\":{\"x\":[0,{}]}}",
            "[1, 2.5, -0, 1e9, \"\\u00e9\", [], {\"k\": false}]",
            "{\"a\":{\"b\":{\"c\":[[[\"deep\"]]]}}}"
        };
        int decided = 0;
        for (int trial = 0; trial < 100_000; trial++) {
            StringBuilder text = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(text.length() + 1);
                char c = EDITS.charAt(random.nextInt(EDITS.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> {
                        if (at < text.length()) {
                            text.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < text.length()) {
                            text.setCharAt(at, c);
                        }
                    }
                }
            }
            decided += check(text.toString()) ? 1 : 0;
        }
        // a quarter start from the document with escaped surrogates, which the parser decides while they last
        assertTrue(decided > 70_000, "the check decided only " + decided + " of 100,000");
    }

    /** Random bytes of every value put into valid documents, where only strict UTF-8 text may pass. */
    @Test
    void agreesOnRandomBytesInValidDocuments() throws IOException {
        Random random = new Random(9);
        byte[] seed = bytes("{\"note\":\"caf\u00e9 \u20ac\",\"list\":[1,\"\ud83d\ude00\"]}");
        for (int trial = 0; trial < 50_000; trial++) {
            byte[] json = seed.clone();
            for (int e = 1 + random.nextInt(3); e > 0; e--) {
                json[1 + random.nextInt(json.length - 2)] = (byte) random.nextInt(256);
            }
            check(json);
        }
    }

    /** @return whether the check decided */
    private static boolean check(String json) throws IOException {
        return check(bytes(json));
    }

    private static boolean check(byte[] b) {
        int shape = JsonShape.of(b, b.length);
        if (shape == JsonShape.UNDECIDED) {
            return false;
        }
        boolean expected = PayloadFormat.isText(b, b.length) && jackson(b);
        boolean valid = shape == JsonShape.VALID || shape == JsonShape.VALID_MULTI_LINE;
        assertEquals(expected, valid, () -> "'" + new String(b, StandardCharsets.UTF_8) + "'");
        if (valid) {
            assertEquals(
                    PayloadWriter.containsLineBreak(b),
                    shape == JsonShape.VALID_MULTI_LINE,
                    () -> "line breaks of '" + new String(b, StandardCharsets.UTF_8) + "'");
        }
        return true;
    }

    /** What Jackson says: one object or array, then nothing but white space. */
    private static boolean jackson(byte[] b) {
        try (JsonParser parser = Json.FACTORY.createParser(b)) {
            var first = parser.nextToken();
            if (first == null || !first.isStructStart()) {
                return false;
            }
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
