package io.streamingdata.msk.records.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamingdata.msk.records.Json;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Decoding a string in place must leave the parser exactly where skipping the string would: the same tokens, texts
 * and locations follow as from Jackson's own parser.
 */
class EventJsonParserTest {

    private static int decodedInPlace;

    private static final String DOCUMENT = "{\"records\":{\"t-0\":[\n  {\"offset\":1,\"key\":\"a2V5\",\"value\":"
            + "\"dmFsdWU=\" , \"headers\":[{\"h\":[1,2]}]},\n  {\"value\":\"QU\\/D\",\"key\":\"\"},"
            + "{\"value\":\"QQ\",\"key\":null,\"x\":\"\u00e9t\u00e9\"}]}}";

    @Test
    void aUtf8DocumentGetsTheParserThatDecodesInPlace() throws IOException {
        try (JsonParser parser = Json.EVENTS.createParser(DOCUMENT.getBytes(StandardCharsets.UTF_8))) {
            assertInstanceOf(EventJsonParser.class, parser);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE", "UTF-32BE"})
    void otherEncodingsGetJacksonsParserAndNothingIsDecodedInPlace(String charset) throws IOException {
        byte[] bytes = DOCUMENT.getBytes(Charset.forName(charset));
        assertEquals(
                tokens(new JsonFactory().createParser(bytes), false), tokens(Json.EVENTS.createParser(bytes), true));
        assertEquals(0, decodedInPlace);
    }

    @Test
    void aByteOrderMarkGetsJacksonsParser() throws IOException {
        byte[] text = DOCUMENT.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        try (JsonParser parser = Json.EVENTS.createParser(bom)) {
            assertFalse(parser instanceof EventJsonParser);
        }
        assertEquals(tokens(new JsonFactory().createParser(bom), false), tokens(Json.EVENTS.createParser(bom), true));
    }

    @Test
    void afterAStringDecodedInPlaceTheSameTokensAndLocationsFollowAsAfterSkippingIt() throws IOException {
        byte[] bytes = DOCUMENT.getBytes(StandardCharsets.UTF_8);
        List<String> skipped = tokens(new JsonFactory().createParser(bytes), false);
        List<String> inPlace = tokens(Json.EVENTS.createParser(bytes), true);
        assertEquals(skipped, inPlace);
        // the in-place path was taken where it can be: the canonical strings a2V5, dmFsdWU= and the empty one
        assertEquals(3, decodedInPlace);
    }

    @Test
    void onlyAnUnreadStringIsDecodedInPlace() throws IOException {
        try (JsonParser parser = Json.EVENTS.createParser("[\"QUJD\", 1, \"QUJD\"]".getBytes(StandardCharsets.UTF_8))) {
            assertNull(EventJsonParser.decodeBase64InPlace(parser)); // no token yet
            parser.nextToken();
            assertNull(EventJsonParser.decodeBase64InPlace(parser)); // START_ARRAY
            parser.nextToken();
            assertEquals("QUJD", parser.getText()); // read as text already
            assertNull(EventJsonParser.decodeBase64InPlace(parser));
            parser.nextToken();
            assertNull(EventJsonParser.decodeBase64InPlace(parser)); // a number
            parser.nextToken();
            assertArrayEquals("ABC".getBytes(StandardCharsets.US_ASCII), EventJsonParser.decodeBase64InPlace(parser));
            assertNull(EventJsonParser.decodeBase64InPlace(parser)); // decoded once, so no longer unread
            assertEquals(JsonToken.END_ARRAY, parser.nextToken());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[]",
                "[0]",
                "[116,101,115,116]",
                "[-128,127,255,-1,0,-0]",
                "[9,10,99,100,199]",
                "[256]",
                "[-129]",
                "[1000]",
                "[-1000]",
                "[01]",
                "[-01]",
                "[00]",
                "[1.0]",
                "[1e2]",
                "[1E2]",
                "[ 1]",
                "[1 ]",
                "[1, 2]",
                "[\n1]",
                "[1,]",
                "[,1]",
                "[-]",
                "[--1]",
                "[+1]",
                "[\"a\"]",
                "[[1]]",
                "[1,[2]]",
                "[null]",
                "[true]",
                "[12345678901]",
                "[1]]",
                "[1}",
                "[1",
                "[-",
                "[",
                "[12",
                "[1,"
            })
    void aByteArrayReadInPlaceEndsWhereReadingItTokenByTokenEnds(String array) throws IOException {
        String document =
                array.endsWith("]") ? "{\"h\":" + array + ",\"after\":[1,2],\"z\":{\"y\":\"x\"}}" : "{\"h\":" + array;

        assertEquals(walk(document, false), walk(document, true), array);
    }

    @Test
    void randomByteArraysReadInPlaceEndWhereReadingThemTokenByTokenEnds() throws IOException {
        java.util.Random random = new java.util.Random(20261203);
        int inPlace = 0;
        for (int trial = 0; trial < 3000; trial++) {
            StringBuilder array = new StringBuilder("[");
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                if (i > 0) {
                    array.append(random.nextInt(40) == 0 ? ", " : ",");
                }
                int value = random.nextInt(420) - 140;
                String number = Integer.toString(value);
                switch (random.nextInt(60)) {
                    case 0 -> number = "0" + number;
                    case 1 -> number = number + ".5";
                    case 2 -> number = number + "e1";
                    case 3 -> number = " " + number;
                    default -> {}
                }
                array.append(number);
            }
            array.append(']');
            String document = "{\"h\":" + array + ",\"n\":7}";
            List<String> expected = walk(document, false);
            List<String> actual = walk(document, true);
            assertEquals(expected, actual, array.toString());
            inPlace += readInPlace;
        }
        assertTrue(inPlace > 2000, "most random arrays are compact byte arrays: " + inPlace);
    }

    @Test
    void onlyAnArrayJustStartedIsReadInPlace() throws IOException {
        try (JsonParser parser = Json.EVENTS.createParser("{\"h\":[1,2]}".getBytes(StandardCharsets.UTF_8))) {
            assertNull(EventJsonParser.readByteArrayInPlace(parser)); // no token yet
            parser.nextToken();
            assertNull(EventJsonParser.readByteArrayInPlace(parser)); // START_OBJECT
            parser.nextToken();
            parser.nextToken();
            assertArrayEquals(new byte[] {1, 2}, EventJsonParser.readByteArrayInPlace(parser));
            assertEquals(JsonToken.END_ARRAY, parser.currentToken());
            assertNull(EventJsonParser.readByteArrayInPlace(parser)); // read, so no longer just started
            assertEquals(JsonToken.END_OBJECT, parser.nextToken());
            assertNull(parser.nextToken());
        }
        try (JsonParser parser = new JsonFactory().createParser("[1]".getBytes(StandardCharsets.UTF_8))) {
            parser.nextToken();
            assertNull(EventJsonParser.readByteArrayInPlace(parser), "Jackson's own parser reads token by token");
        }
    }

    private static int readInPlace;

    /**
     * The document's tokens with texts and locations, each array summed up as the bytes it holds when every element
     * is an integer from -128 to 255, else as its tokens; a parse error ends the list with its message. With
     * {@code inPlace}, every array is first offered to {@link EventJsonParser#readByteArrayInPlace}.
     */
    private static List<String> walk(String document, boolean inPlace) throws IOException {
        List<String> tokens = new ArrayList<>();
        readInPlace = 0;
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        try (JsonParser parser = inPlace ? Json.EVENTS.createParser(bytes) : new JsonFactory().createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.add(token + " " + where(parser) + " " + parser.getText());
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                byte[] read = inPlace ? EventJsonParser.readByteArrayInPlace(parser) : null;
                if (read != null) {
                    readInPlace++;
                    tokens.add("bytes " + java.util.Arrays.toString(read));
                } else {
                    tokens.add(elements(parser));
                }
                tokens.add(parser.currentToken() + " " + where(parser) + " in "
                        + parser.getParsingContext().typeDesc() + " "
                        + parser.getParsingContext().getCurrentName());
            }
            tokens.add("end " + parser.currentLocation().getCharOffset() + " "
                    + parser.currentLocation().getColumnNr());
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            tokens.add(
                    "error " + e.getOriginalMessage() + " at " + e.getLocation().getColumnNr());
        }
        return tokens;
    }

    /** Reads the array just started to its end: "bytes [...]" if it holds only byte numbers, else its tokens. */
    private static String elements(JsonParser parser) throws IOException {
        List<String> elements = new ArrayList<>();
        java.io.ByteArrayOutputStream read = new java.io.ByteArrayOutputStream();
        boolean onlyBytes = true;
        int depth = 1;
        for (JsonToken token = parser.nextToken(); ; token = parser.nextToken()) {
            if (token == JsonToken.END_ARRAY && --depth == 0) {
                break;
            }
            if (token == JsonToken.START_ARRAY) {
                depth++;
            }
            elements.add(token + " " + parser.getText());
            boolean isByte = token == JsonToken.VALUE_NUMBER_INT
                    && parser.getNumberType() == JsonParser.NumberType.INT
                    && parser.getIntValue() >= -128
                    && parser.getIntValue() <= 255;
            if (isByte) {
                read.write(parser.getIntValue());
            }
            onlyBytes &= isByte;
        }
        return onlyBytes ? "bytes " + java.util.Arrays.toString(read.toByteArray()) : "tokens " + elements;
    }

    private static String where(JsonParser parser) {
        return parser.currentTokenLocation().getCharOffset() + "/"
                + parser.currentTokenLocation().getLineNr() + ":"
                + parser.currentTokenLocation().getColumnNr();
    }

    /**
     * Every token with its text and location; with {@code decode}, each key and value string goes through the
     * in-place path first, and its text is only read when that declines.
     */
    private static List<String> tokens(JsonParser parser, boolean decode) throws IOException {
        List<String> tokens = new ArrayList<>();
        decodedInPlace = 0;
        try (parser) {
            String field = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                String where = parser.currentTokenLocation().getCharOffset() + "/"
                        + parser.currentTokenLocation().getLineNr() + ":"
                        + parser.currentTokenLocation().getColumnNr();
                if (token == JsonToken.FIELD_NAME) {
                    field = parser.currentName();
                }
                boolean base64 = token == JsonToken.VALUE_STRING && ("key".equals(field) || "value".equals(field));
                byte[] decoded = decode && base64 ? EventJsonParser.decodeBase64InPlace(parser) : null;
                if (decoded != null) {
                    decodedInPlace++;
                }
                if (base64) {
                    tokens.add(token + " " + where + " base64"); // left unread, as it is without decoding
                } else {
                    tokens.add(token + " " + where + " " + parser.getText());
                }
            }
            tokens.add("end " + parser.currentLocation().getLineNr() + ":"
                    + parser.currentLocation().getColumnNr());
        }
        return tokens;
    }
}
