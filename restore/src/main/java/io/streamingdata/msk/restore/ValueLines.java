package io.streamingdata.msk.restore;

import com.fasterxml.jackson.core.Base64Variants;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a {@code value}-format line back into the value: a line that starts with {@code base64:} carries the value in
 * standard base64; any other line's bytes are the value itself.
 */
final class ValueLines {

    private static final byte[] MARKER = "base64:".getBytes(StandardCharsets.US_ASCII);

    private ValueLines() {}

    static byte[] decode(byte[] line) {
        if (line.length >= MARKER.length && Arrays.equals(line, 0, MARKER.length, MARKER, 0, MARKER.length)) {
            return Base64Variants.MIME_NO_LINEFEEDS.decode(
                    new String(line, MARKER.length, line.length - MARKER.length, StandardCharsets.US_ASCII));
        }
        return line;
    }
}
