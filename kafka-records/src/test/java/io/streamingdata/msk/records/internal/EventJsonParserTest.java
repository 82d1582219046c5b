package io.streamingdata.msk.records.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

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
