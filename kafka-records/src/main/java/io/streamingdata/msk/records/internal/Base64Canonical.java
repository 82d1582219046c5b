package io.streamingdata.msk.records.internal;

import java.util.Arrays;

/**
 * Decodes canonical base64 (the standard alphabet, padded to a multiple of four characters, as Lambda writes key and
 * value) straight from a region of a byte array, such as the event's own JSON bytes, with no {@code String} and no
 * intermediate copy. Anything else (unpadded text, a byte outside the alphabet, padding in the wrong place) is left
 * to the JDK's decoder, so the accepted inputs, the bytes and the error messages are exactly the JDK's.
 */
public final class Base64Canonical {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    // One table per position in a quad, holding the character's six bits already shifted into place, or -1: a quad
    // is then four lookups and three ORs, and any character outside the alphabet makes the result negative. Under
    // the C1-only JIT of Lambda's java21 runtime that is measurably cheaper than shifting after the lookup.
    private static final int[] FIRST = table(18);
    private static final int[] SECOND = table(12);
    private static final int[] THIRD = table(6);
    private static final int[] FOURTH = table(0);
    // Two characters at once, indexed by the first in the low eight bits and the second in the high eight (the order
    // of a little-endian read): their twelve bits, or -1, already placed where they go in the three output bytes of
    // their quad, lowest address in the lowest bits. Eight characters are then one 64-bit read, four lookups and one
    // little-endian store of six bytes (two ORs per quad, one shift): under C1 a third faster than two quads of four
    // lookups each; against plain twelve-bit values stored big-endian, which costs a byte swap, DecodeBenchmark's
    // whole decode of a 6 MB event went from 7.8-8.0 to 6.6-6.7 ms. 256 KiB each, of which the 4,096 entries in use
    // are what the cache sees.
    private static final int[] FIRST_PAIR = pairs(true);
    private static final int[] SECOND_PAIR = pairs(false);

    private Base64Canonical() {}

    /**
     * For characters a, b with six bits each, p = a << 6 | b: as a quad's first pair, p's high eight bits are the
     * quad's first byte and its low four the top of the second; as its second pair, p's high four bits are the bottom
     * of the second byte and its low eight the third.
     */
    private static int[] pairs(boolean first) {
        int[] values = new int[1 << 16];
        Arrays.fill(values, -1);
        for (int a = 0; a < ALPHABET.length(); a++) {
            for (int b = 0; b < ALPHABET.length(); b++) {
                int p = a << 6 | b;
                values[ALPHABET.charAt(a) | ALPHABET.charAt(b) << 8] =
                        first ? p >> 4 | (p & 0xF) << 12 : (p >> 8) << 8 | (p & 0xFF) << 16;
            }
        }
        return values;
    }

    private static int[] table(int shift) {
        int[] values = new int[256];
        Arrays.fill(values, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            values[ALPHABET.charAt(i)] = i << shift;
        }
        return values;
    }

    /**
     * Decodes the canonical base64 that starts at {@code from}, just after a JSON string's opening quote, up to the
     * string's closing quote, in one pass: the end is found where the alphabet stops, so the string is read once,
     * not first scanned for its end and then decoded.
     *
     * @param limit where the text ends; nothing at or after it is read
     * @return whether the string was canonical base64 closed by a quote; if not (an escape, no padding, another
     *     character, the text ends first), {@code into} holds nothing usable and the JDK's decoder must judge the
     *     string
     */
    public static boolean decodeQuoted(byte[] text, int from, int limit, Decoded into) {
        byte[] out = into.buffer;
        int in = from;
        int o = 0;
        while (in + 8 <= limit) {
            long chars = Words.littleEndian(text, in);
            int first = FIRST_PAIR[(int) chars & 0xFFFF] | SECOND_PAIR[(int) (chars >>> 16) & 0xFFFF];
            int second = FIRST_PAIR[(int) (chars >>> 32) & 0xFFFF] | SECOND_PAIR[(int) (chars >>> 48)];
            if ((first | second) < 0) {
                break; // the end, or padding, is among these eight: the quads below find which
            }
            if (o + 8 > out.length) {
                out = into.grow(o + 8);
            }
            // Six bytes of output in one store; the two after them are scratch that the next store overwrites.
            Words.putLittleEndian(out, o, (long) second << 24 | first);
            in += 8;
            o += 6;
        }
        int bits;
        while (true) {
            if (in + 4 > limit) {
                // too short for a quad: the string may still close right here
                return in < limit && text[in] == '"' && into.done(o, in);
            }
            bits = FIRST[text[in] & 0xff]
                    | SECOND[text[in + 1] & 0xff]
                    | THIRD[text[in + 2] & 0xff]
                    | FOURTH[text[in + 3] & 0xff];
            if (bits < 0) {
                break;
            }
            if (o + 3 > out.length) {
                out = into.grow(o + 3);
            }
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
            in += 4;
            o += 3;
        }
        // The quad at `in` holds a character outside the alphabet: the closing quote, or padding then the quote.
        if (text[in] == '"') {
            return into.done(o, in);
        }
        if (in + 4 >= limit || text[in + 3] != '=' || text[in + 4] != '"') {
            return false;
        }
        boolean oneByte = text[in + 2] == '=';
        // 'A' stands for the zero bits of the padding.
        bits = FIRST[text[in] & 0xff] | SECOND[text[in + 1] & 0xff] | (oneByte ? 0 : THIRD[text[in + 2] & 0xff]);
        if (bits < 0) {
            return false;
        }
        if (o + 2 > out.length) {
            out = into.grow(o + 2);
        }
        out[o++] = (byte) (bits >> 16);
        if (!oneByte) {
            out[o++] = (byte) (bits >> 8);
        }
        return into.done(o, in + 4);
    }

    /**
     * The result of {@link #decodeQuoted}: a buffer that one reader reuses from string to string (it grows to the
     * longest), the length decoded into it and where the closing quote stands.
     */
    public static final class Decoded {
        private byte[] buffer = new byte[1024];
        private int length;
        private int closingQuote;

        /** A copy of the decoded bytes, the caller's to keep. */
        public byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }

        /** The index of the string's closing quote. */
        public int closingQuote() {
            return closingQuote;
        }

        private byte[] grow(int needed) {
            buffer = Arrays.copyOf(buffer, Math.max(needed, buffer.length * 2));
            return buffer;
        }

        private boolean done(int decodedLength, int quote) {
            length = decodedLength;
            closingQuote = quote;
            return true;
        }
    }

    /**
     * Decodes a region already known to be a whole string's content. The event decoder uses {@link #decodeQuoted};
     * this is the earlier way (skip the string, then decode it), kept for {@code Base64PathBenchmark}'s comparison.
     *
     * @return the decoded bytes, or {@code null} when the text is not canonical base64 and the JDK's decoder must
     *     judge it
     */
    public static byte[] decode(byte[] text, int offset, int length) {
        if (length == 0) {
            return new byte[0];
        }
        if ((length & 3) != 0) {
            return null;
        }
        int end = offset + length;
        int padding = text[end - 1] != '=' ? 0 : text[end - 2] != '=' ? 1 : 2;
        byte[] out = new byte[length / 4 * 3 - padding];
        int fullQuads = padding == 0 ? length / 4 : length / 4 - 1;
        int in = offset;
        int o = 0;
        for (int q = 0; q < fullQuads; q++) {
            int bits = FIRST[text[in] & 0xff]
                    | SECOND[text[in + 1] & 0xff]
                    | THIRD[text[in + 2] & 0xff]
                    | FOURTH[text[in + 3] & 0xff];
            if (bits < 0) {
                return null;
            }
            out[o] = (byte) (bits >> 16);
            out[o + 1] = (byte) (bits >> 8);
            out[o + 2] = (byte) bits;
            in += 4;
            o += 3;
        }
        if (padding == 0) {
            return out;
        }
        // The last quad: two or three characters of data, then the padding ('A' stands for zero bits).
        int bits =
                FIRST[text[in] & 0xff] | SECOND[text[in + 1] & 0xff] | (padding == 1 ? THIRD[text[in + 2] & 0xff] : 0);
        if (bits < 0) {
            return null;
        }
        out[o] = (byte) (bits >> 16);
        if (padding == 1) {
            out[o + 1] = (byte) (bits >> 8);
        }
        return out;
    }
}
