package io.streamingdata.msk.records.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads byte arrays eight bytes at a time, for the scans that run over every payload byte (text and JSON string
 * checks, base64). Under the C1-only JIT of Lambda's java21 runtime a byte loop costs a bounds check, a load and a
 * compare per byte; one 64-bit load and a few ALU operations per eight bytes measured 5x faster for the text check.
 * The view handles are static final fields, which C1 inlines to plain loads and stores and which GraalVM's native
 * image supports.
 */
public final class Words {

    /** The first byte at the lowest address: bit 0..7 of the long. */
    private static final VarHandle LITTLE_ENDIAN =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Words() {}

    /** Bytes {@code i..i+7}, byte {@code i} in the lowest eight bits. */
    public static long littleEndian(byte[] bytes, int i) {
        return (long) LITTLE_ENDIAN.get(bytes, i);
    }

    /**
     * Writes {@code value} to bytes {@code i..i+7}, its lowest eight bits first: on the little-endian machines Lambda
     * runs (x86_64, arm64) a plain store, where a big-endian store measured a byte swap call under C1.
     */
    public static void putLittleEndian(byte[] bytes, int i, long value) {
        LITTLE_ENDIAN.set(bytes, i, value);
    }

    /**
     * The index of the first byte at or after {@code i}, before {@code length}, that is not printable ASCII
     * (0x20..0x7E), or {@code length}: the run a text check can pass over without looking at each byte.
     */
    public static int printableRun(byte[] bytes, int i, int length) {
        while (i + Long.BYTES <= length && !hasUnprintable(littleEndian(bytes, i))) {
            i += Long.BYTES;
        }
        while (i < length && isPrintable(bytes[i])) {
            i++;
        }
        return i;
    }

    /**
     * {@link #printableRun} that also stops at {@code "} and {@code \}: the run of a JSON string's content that
     * needs no closer look (no end, no escape, no control character, no multi-byte character).
     */
    public static int plainStringRun(byte[] bytes, int i, int length) {
        while (i + Long.BYTES <= length) {
            long word = littleEndian(bytes, i);
            if (hasUnprintable(word) || hasByte(word, '"') || hasByte(word, '\\')) {
                break;
            }
            i += Long.BYTES;
        }
        while (i < length && isPrintable(bytes[i]) && bytes[i] != '"' && bytes[i] != '\\') {
            i++;
        }
        return i;
    }

    private static boolean isPrintable(byte b) {
        return b >= 0x20 && b < 0x7F;
    }

    /**
     * Whether any byte of the word is below 0x20, is 0x7F or is 0x80 or above. A byte's own high bit marks 0x80 and
     * above; subtracting 0x20 from every byte sets it for those below 0x20, and subtracting 1 from the word XOR 0x7F
     * sets it for 0x7F. A subtraction borrows into the next byte only out of a byte that is itself a hit, so a word
     * without hits is never reported; the exact position is left to the byte loop that follows.
     */
    private static boolean hasUnprintable(long word) {
        return ((word | (word - 0x2020202020202020L) | ((word ^ 0x7F7F7F7F7F7F7F7FL) - ONES)) & HIGH_BITS) != 0;
    }

    /**
     * Whether any byte of the word equals {@code b}, an ASCII byte; exact for words whose bytes are all below 0x80
     * (the callers test that first), otherwise it may report bytes of 0x80 and above as well.
     */
    private static boolean hasByte(long word, char b) {
        return (((word ^ (ONES * b)) - ONES) & HIGH_BITS) != 0;
    }
}
