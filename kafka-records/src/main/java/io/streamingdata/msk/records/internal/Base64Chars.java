package io.streamingdata.msk.records.internal;

import java.util.Arrays;

/**
 * Decodes canonical base64 (the standard alphabet, padded to a multiple of four characters, as Lambda writes key and
 * value) straight from a region of a {@code char[]}, such as the parser's own text buffer, with no {@code String} and
 * no intermediate copy. Anything else (unpadded text, a character outside the alphabet, padding in the wrong place) is
 * left to the JDK's decoder, so the accepted inputs, the bytes and the error messages are exactly the JDK's.
 */
public final class Base64Chars {

    private static final int[] VALUES = new int[128];

    static {
        Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private Base64Chars() {}

    /**
     * @return the decoded bytes, or {@code null} when the text is not canonical base64 and the JDK's decoder must
     *     judge it
     */
    public static byte[] decodeCanonical(char[] text, int offset, int length) {
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
            int bits = quad(text[in], text[in + 1], text[in + 2], text[in + 3]);
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
        // The last quad: two or three characters of data, then the padding.
        int bits = quad(text[in], text[in + 1], padding == 1 ? text[in + 2] : 'A', 'A');
        if (bits < 0) {
            return null;
        }
        out[o] = (byte) (bits >> 16);
        if (padding == 1) {
            out[o + 1] = (byte) (bits >> 8);
        }
        return out;
    }

    /** Four characters as 24 bits, or -1 if any is outside the alphabet. */
    private static int quad(char a, char b, char c, char d) {
        if ((a | b | c | d) >= 128) {
            return -1;
        }
        int va = VALUES[a];
        int vb = VALUES[b];
        int vc = VALUES[c];
        int vd = VALUES[d];
        if ((va | vb | vc | vd) < 0) {
            return -1;
        }
        return va << 18 | vb << 12 | vc << 6 | vd;
    }
}
