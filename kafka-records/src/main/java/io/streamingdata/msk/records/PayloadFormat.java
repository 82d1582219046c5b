package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
        if (!isText(bytes, length)) {
            return BASE64;
        }
        return looksLikeJsonContainer(bytes, length) && isSingleJsonValue(bytes, length) ? JSON : TEXT;
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
            int lead = c & 0xFF;
            int needed;
            int min;
            if (lead >= 0xC2 && lead <= 0xDF) {
                needed = 1;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                needed = 2;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                needed = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + needed >= length) {
                return false;
            }
            int codePoint = lead & (0x3F >> needed);
            for (int k = 1; k <= needed; k++) {
                int next = b[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (codePoint < min || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
                return false;
            }
            i += needed + 1;
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
