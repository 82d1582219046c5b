package io.streamingdata.msk.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a record's key, value or header bytes into a JSON document as {@code "<name>": <payload>} followed by
 * {@code "<name>Format": "json"|"text"|"base64"}. JSON payloads are embedded as JSON (on one line, so a log line stays
 * one line, with their tokens unchanged), text as a string, anything else as base64. Never double-encodes.
 */
public final class PayloadWriter {

    private PayloadWriter() {}

    /**
     * A payload's field name and the names of the fields that describe it, each encoded once: under C1 a generator
     * copies an encoded name in about half the time it takes to check and write a {@code String} one.
     */
    public static final class Field {
        public static final Field KEY = new Field("key");
        public static final Field VALUE = new Field("value");
        public static final Field RAW = new Field("raw");

        private final SerializedString name;
        private final SerializedString format;
        private final SerializedString truncated;

        private Field(String name) {
            this.name = new SerializedString(name);
            this.format = new SerializedString(name + "Format");
            this.truncated = new SerializedString(name + "Truncated");
        }

        /** The field called {@code name}: one of the constants where it is theirs. */
        public static Field named(String name) {
            return switch (name) {
                case "key" -> KEY;
                case "value" -> VALUE;
                case "raw" -> RAW;
                default -> new Field(name);
            };
        }
    }

    /**
     * Writes the whole payload so that its exact bytes can be read back: JSON is embedded only where it is on one line
     * (its bytes then appear unchanged in the output); JSON spread over several lines is written as text, since
     * putting it on one line would change its whitespace. A {@code null} payload writes {@code "<name>": null} and no
     * format.
     *
     * @return the format used, or {@code null} for a {@code null} payload
     */
    public static PayloadFormat writeField(JsonGenerator json, String name, byte[] bytes) throws IOException {
        return writeField(json, Field.named(name), bytes);
    }

    /** {@link #writeField(JsonGenerator, String, byte[])} with the names encoded once. */
    public static PayloadFormat writeField(JsonGenerator json, Field field, byte[] bytes) throws IOException {
        return writeField(json, field, bytes, Integer.MAX_VALUE, true);
    }

    /**
     * Writes at most {@code maxBytes} of the payload, for reading rather than restoring: JSON spread over several
     * lines is embedded with the whitespace between its tokens removed. A payload cut short is no longer valid JSON,
     * so it is written as text (cut at a character boundary) or base64, followed by {@code "<name>Truncated": true}.
     */
    public static PayloadFormat writeField(JsonGenerator json, String name, byte[] bytes, int maxBytes)
            throws IOException {
        return writeField(json, Field.named(name), bytes, maxBytes);
    }

    /** {@link #writeField(JsonGenerator, String, byte[], int)} with the names encoded once. */
    public static PayloadFormat writeField(JsonGenerator json, Field field, byte[] bytes, int maxBytes)
            throws IOException {
        return writeField(json, field, bytes, maxBytes, false);
    }

    private static PayloadFormat writeField(JsonGenerator json, Field field, byte[] bytes, int maxBytes, boolean exact)
            throws IOException {
        json.writeFieldName(field.name);
        if (bytes == null) {
            json.writeNull();
            return null;
        }
        boolean truncated = bytes.length > maxBytes;
        int length = truncated ? maxBytes : bytes.length;
        PayloadFormat.Classification classified = PayloadFormat.classify(bytes, length);
        PayloadFormat format = classified.format();
        if (format == PayloadFormat.JSON && (truncated || exact && classified.multiLine())) {
            format = PayloadFormat.TEXT;
        }
        if (truncated && format == PayloadFormat.BASE64 && PayloadFormat.isText(bytes, utf8Boundary(bytes, length))) {
            // The cut fell inside a multi-byte character of a text payload.
            length = utf8Boundary(bytes, length);
            format = PayloadFormat.TEXT;
        }
        switch (format) {
            case JSON -> writeJson(json, classified.multiLine() ? compact(bytes) : bytes);
            case TEXT -> json.writeUTF8String(bytes, 0, length);
            case BASE64 -> json.writeBinary(bytes, 0, length);
        }
        json.writeFieldName(field.format);
        json.writeString(format.serializedLabel());
        if (truncated) {
            json.writeFieldName(field.truncated);
            json.writeBoolean(true);
        }
        return format;
    }

    /** @param line a valid JSON document on one line */
    private static void writeJson(JsonGenerator json, byte[] line) throws IOException {
        if (json.getOutputTarget() instanceof OutputStream target) {
            // Validated UTF-8 JSON goes out as it is: an empty raw value lets the generator write the separators it
            // owes, then the bytes follow directly, with no String and no re-encoding.
            json.writeRawValue("");
            json.flush();
            target.write(line);
        } else {
            json.writeRawValue(new String(line, StandardCharsets.UTF_8));
        }
    }

    /**
     * A valid JSON document on one line. A document without line breaks is returned as it is; otherwise the
     * whitespace between its tokens is removed. In valid JSON a line break can only be such whitespace (inside a
     * string it must be escaped), so every token, numbers and strings included, stays exactly as it was; parsing and
     * writing the document again instead would rewrite numbers such as {@code 1.10} or {@code 1e400}.
     *
     * @param json a single valid JSON value ({@link PayloadFormat#JSON})
     * @return {@code json} itself when it has no line break, else a compacted copy
     */
    public static byte[] onOneLine(byte[] json) {
        return containsLineBreak(json) ? compact(json) : json;
    }

    /** {@code json} with the white space between its tokens removed. */
    private static byte[] compact(byte[] json) {
        byte[] line = new byte[json.length];
        int length = 0;
        boolean inString = false;
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (inString) {
                line[length++] = b;
                if (b == '\\' && i + 1 < json.length) {
                    line[length++] = json[++i];
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                line[length++] = b;
                inString = b == '"';
            }
        }
        return Arrays.copyOf(line, length);
    }

    /** Whether the bytes contain a CR or LF. */
    public static boolean containsLineBreak(byte[] bytes) {
        for (byte b : bytes) {
            if (b == '\n' || b == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The largest length not above {@code length} that does not split a UTF-8 sequence. */
    static int utf8Boundary(byte[] bytes, int length) {
        int end = length;
        while (end > 0 && end < bytes.length && (bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return end;
    }
}
