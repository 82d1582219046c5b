package io.streamingdata.msk.records.internal;

import java.util.Arrays;

/**
 * Repairs text inside the strings of a JSON document that a strict parser refuses: an escaped surrogate without its
 * partner ({@code "\ud800"}), a UTF-8-encoded surrogate, or bytes that are not UTF-8. Each is replaced in place by
 * text of the same length (the escape {@code \ufffd}, the bytes of U+FFFD, or {@code ?} per byte), so every other
 * byte keeps its position and the caller can tell which records were touched. Used only after a strict parse failed:
 * Lambda itself sends valid UTF-8, and one malformed name must not make the whole batch undecodable.
 */
public final class JsonTextRepair {

    private static final byte[] REPLACEMENT_ESCAPE = {'\\', 'u', 'F', 'F', 'F', 'D'};
    private static final byte[] REPLACEMENT_UTF8 = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final byte[] original;
    private byte[] repaired;
    private int[] positions = new int[8];
    private int count;

    private JsonTextRepair(byte[] original) {
        this.original = original;
    }

    /** The repaired document, or {@code null} when it needs no repair. */
    public static Result repair(byte[] json) {
        JsonTextRepair repair = new JsonTextRepair(json);
        repair.scan();
        return repair.repaired == null
                ? null
                : new Result(repair.repaired, Arrays.copyOf(repair.positions, repair.count));
    }

    /**
     * @param json the repaired document, as long as the original
     * @param positions the start of every replaced piece, ascending
     */
    public record Result(byte[] json, int[] positions) {

        /** Whether anything in {@code [start, end)} was replaced. */
        public boolean touches(long start, long end) {
            int at = Arrays.binarySearch(positions, (int) Math.min(start, Integer.MAX_VALUE));
            int next = at >= 0 ? at : -at - 1;
            return next < positions.length && positions[next] < end;
        }
    }

    private void scan() {
        byte[] in = original;
        int n = in.length;
        boolean inString = false;
        int i = 0;
        while (i < n) {
            int b = in[i] & 0xFF;
            if (!inString) {
                inString = b == '"';
                i++;
            } else if (b == '"') {
                inString = false;
                i++;
            } else if (b == '\\') {
                i = escape(i);
            } else if (b < 0x80) {
                i++;
            } else {
                i = multiByte(i);
            }
        }
    }

    /** Handles the escape at {@code i}; returns the position after it. */
    private int escape(int i) {
        byte[] in = original;
        if (i + 5 >= in.length || in[i + 1] != 'u') {
            return i + 2;
        }
        int unit = hex4(i + 2);
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            boolean pairFollows = i + 11 < in.length && in[i + 6] == '\\' && in[i + 7] == 'u';
            int low = pairFollows ? hex4(i + 8) : -1;
            if (low >= 0xDC00 && low <= 0xDFFF) {
                return i + 12;
            }
            replace(i, REPLACEMENT_ESCAPE);
        } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
            replace(i, REPLACEMENT_ESCAPE);
        }
        return i + 6;
    }

    /** Checks the UTF-8 sequence starting at {@code i}; returns the position after what it consumed. */
    private int multiByte(int i) {
        int codePoint = Utf8.codePointAt(original, i, original.length);
        if (codePoint < 0) {
            replace(i, new byte[] {'?'});
            return i + 1;
        }
        if (Utf8.isSurrogate(codePoint)) {
            replace(i, REPLACEMENT_UTF8); // a surrogate's sequence is three bytes, like U+FFFD's
        }
        return i + Utf8.sequenceLength(original[i]);
    }

    private int hex4(int from) {
        int value = 0;
        for (int k = from; k < from + 4; k++) {
            int digit = Character.digit(original[k], 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private void replace(int at, byte[] with) {
        if (repaired == null) {
            repaired = original.clone();
        }
        System.arraycopy(with, 0, repaired, at, with.length);
        if (count == positions.length) {
            positions = Arrays.copyOf(positions, count * 2);
        }
        positions[count++] = at;
    }
}
