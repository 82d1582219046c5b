package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import io.streamingdata.msk.records.internal.JsonShape;
import io.streamingdata.msk.records.internal.Utf8;
import io.streamingdata.msk.records.internal.Words;
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
    private final SerializedString quotedLabel;

    PayloadFormat(String label) {
        this.label = label;
        this.quotedLabel = new SerializedString(label);
    }

    /** The lower-case name written next to the payload, for example {@code "valueFormat":"base64"}. */
    public String label() {
        return label;
    }

    /** {@link #label()} encoded once, for generators to copy rather than escape every time. */
    public SerializableString serializedLabel() {
        return quotedLabel;
    }

    /**
     * A payload's format, and whether a JSON or text payload spans lines (holds a CR or LF), found in the same pass;
     * always false for base64, which is written encoded.
     */
    public record Classification(PayloadFormat format, boolean multiLine) {}

    private static final Classification JSON_ONE_LINE = new Classification(JSON, false);
    private static final Classification JSON_MULTI_LINE = new Classification(JSON, true);
    private static final Classification TEXT_ONE_LINE = new Classification(TEXT, false);
    private static final Classification TEXT_MULTI_LINE = new Classification(TEXT, true);
    private static final Classification BINARY = new Classification(BASE64, false);

    private static final int NOT_TEXT = 0;
    private static final int ONE_LINE = 1;
    private static final int MULTI_LINE = 2;

    /** Classifies the first {@code length} bytes of {@code bytes}. */
    public static PayloadFormat of(byte[] bytes, int length) {
        return classify(bytes, length).format();
    }

    /** Classifies the first {@code length} bytes of {@code bytes}, and says whether they span lines. */
    public static Classification classify(byte[] bytes, int length) {
        if (looksLikeJsonContainer(bytes, length)) {
            // One pass decides JSON, text and lines for nearly every JSON payload; a JSON document is text.
            int shape = JsonShape.of(bytes, length);
            if (shape == JsonShape.VALID || shape == JsonShape.VALID_MULTI_LINE) {
                return shape == JsonShape.VALID ? JSON_ONE_LINE : JSON_MULTI_LINE;
            }
            if (shape == JsonShape.UNDECIDED) {
                int text = textShape(bytes, length);
                if (text != NOT_TEXT && isSingleJsonValue(bytes, length)) {
                    return text == MULTI_LINE ? JSON_MULTI_LINE : JSON_ONE_LINE;
                }
            }
        }
        int text = textShape(bytes, length);
        return text == NOT_TEXT ? BINARY : text == MULTI_LINE ? TEXT_MULTI_LINE : TEXT_ONE_LINE;
    }

    public static PayloadFormat of(byte[] bytes) {
        return of(bytes, bytes.length);
    }

    /** Strict UTF-8 (no overlongs, no surrogates) and no control characters besides tab, LF and CR. */
    static boolean isText(byte[] b, int length) {
        return textShape(b, length) != NOT_TEXT;
    }

    /** {@link #NOT_TEXT}, or text on {@link #ONE_LINE} or over {@link #MULTI_LINE}s. */
    private static int textShape(byte[] b, int length) {
        boolean lineBreak = false;
        int i = 0;
        while (i < length) {
            i = Words.printableRun(b, i, length);
            if (i == length) {
                break;
            }
            int c = b[i];
            if (c >= 0) { // ASCII control characters and DEL
                if (c == '\n' || c == '\r') {
                    lineBreak = true;
                } else if (c != '\t') {
                    return NOT_TEXT;
                }
                i++;
                continue;
            }
            int codePoint = Utf8.codePointAt(b, i, length);
            if (codePoint < 0 || Utf8.isSurrogate(codePoint)) {
                return NOT_TEXT;
            }
            i += Utf8.sequenceLength(b[i]);
        }
        return lineBreak ? MULTI_LINE : ONE_LINE;
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
