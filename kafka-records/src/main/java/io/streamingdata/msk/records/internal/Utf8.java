package io.streamingdata.msk.records.internal;

/** Strict reading of multi-byte UTF-8 sequences, shared by the payload classification and the JSON text repair. */
public final class Utf8 {

    private Utf8() {}

    /** The length of the sequence that {@code lead} starts (2 to 4), or -1 if it cannot start one. */
    public static int sequenceLength(byte lead) {
        int b = lead & 0xFF;
        if (b >= 0xC2 && b <= 0xDF) {
            return 2;
        }
        if (b >= 0xE0 && b <= 0xEF) {
            return 3;
        }
        if (b >= 0xF0 && b <= 0xF4) {
            return 4;
        }
        return -1;
    }

    /**
     * The code point of the multi-byte sequence at {@code i}, or -1 when the bytes before {@code length} are not a
     * complete, shortest-form sequence of a code point up to U+10FFFF. Surrogates (U+D800..U+DFFF) are returned as
     * they are: whether they are acceptable is the caller's decision.
     */
    public static int codePointAt(byte[] bytes, int i, int length) {
        int sequence = sequenceLength(bytes[i]);
        if (sequence < 0 || i + sequence > length) {
            return -1;
        }
        int codePoint = bytes[i] & (0xFF >> (sequence + 1));
        for (int k = 1; k < sequence; k++) {
            int next = bytes[i + k] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                return -1;
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        int min = sequence == 2 ? 0x80 : sequence == 3 ? 0x800 : 0x10000;
        return codePoint < min || codePoint > 0x10FFFF ? -1 : codePoint;
    }

    public static boolean isSurrogate(int codePoint) {
        return codePoint >= 0xD800 && codePoint <= 0xDFFF;
    }
}
