package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.streamingdata.msk.records.internal.JsonShape;
import io.streamingdata.msk.records.internal.Utf8;
import java.io.IOException;

/**
 * How a key, value or header is written into JSON output (log lines, Firehose envelopes): embedded as JSON, as a
 * text string, or as base64 with a marker. One classification serves both functions so their output agrees.
 */
public enum PayloadFormat {
    /** A single JSON object or array: embedded as JSON, never re-quoted. */
    JSON("json"),
    /** Valid UTF-8 without control characters other than tab, CR and LF: written as a string. */
    TEXT("text"),
    /** Anything else: written as standard base64. */
    BASE64("base64");

    private static final JsonFactory JSON_FACTORY = Json.FACTORY;

    private final String label;

    PayloadFormat(String label) {
        this.label = label;
    }

    /** The lower-case name written next to the payload, for example {@code "valueFormat":"base64"}. */
    public String label() {
        return label;
    }

    /** Classifies the first {@code length} bytes of {@code bytes}. */
    public static PayloadFormat of(byte[] bytes, int length) {
        if (looksLikeJsonContainer(bytes, length)) {
            // One pass decides both JSON and text for nearly every JSON payload; a JSON document is text.
            int shape = JsonShape.of(bytes, length);
            if (shape == JsonShape.VALID
                    || shape == JsonShape.UNDECIDED && isText(bytes, length) && isSingleJsonValue(bytes, length)) {
                return JSON;
            }
        }
        return isText(bytes, length) ? TEXT : BASE64;
    }

    public static PayloadFormat of(byte[] bytes) {
        return of(bytes, bytes.length);
    }

    /** Strict UTF-8 (no overlongs, no surrogates) and no control characters besides tab, LF and CR. */
    static boolean isText(byte[] b, int length) {
        int i = 0;
        while (i < length) {
            int c = b[i];
            if (c >= 0x20 && c < 0x7F) {
                i++;
                continue;
            }
            if (c >= 0) { // ASCII control characters and DEL
                if (c != '\t' && c != '\n' && c != '\r') {
                    return false;
                }
                i++;
                continue;
            }
            int codePoint = Utf8.codePointAt(b, i, length);
            if (codePoint < 0 || Utf8.isSurrogate(codePoint)) {
                return false;
            }
            i += Utf8.sequenceLength(b[i]);
        }
        return true;
    }

    private static boolean looksLikeJsonContainer(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            return c == '{' || c == '[';
        }
        return false;
    }

    /** The parser's verdict, for what {@link JsonShape} leaves undecided (its limits are the parser's to apply). */
    private static boolean isSingleJsonValue(byte[] b, int length) {
        try (JsonParser parser = JSON_FACTORY.createParser(b, 0, length)) {
            parser.nextToken();
            parser.skipChildren();
            return parser.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }
}
