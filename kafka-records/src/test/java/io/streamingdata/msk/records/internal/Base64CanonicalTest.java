package io.streamingdata.msk.records.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast paths must give the JDK decoder's bytes wherever they answer, and answer only where the JDK accepts; the
 * in-place one must also find the closing quote and read nothing past its limit.
 */
class Base64CanonicalTest {

    private static final String ODD_CHARACTERS = "=-_ \t\n.\u00e9\u20ac\ud83d+/A\"\\";

    @Test
    void decodesEveryPaddedEncodingExactlyAsTheJdk() {
        Random random = new Random(7);
        for (int length = 0; length < 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            byte[] text = ("xx" + Base64.getEncoder().encodeToString(data) + "yy").getBytes(StandardCharsets.US_ASCII);
            byte[] fast = Base64Canonical.decode(text, 2, text.length - 4);
            assertNotNull(fast, "length " + length);
            assertArrayEquals(data, fast, "length " + length);
        }
    }

    @Test
    void decodesEveryPaddedEncodingInPlaceUpToItsClosingQuote() {
        Random random = new Random(5);
        Base64Canonical.Decoded decoded = new Base64Canonical.Decoded();
        // past the buffer's first size of 1,024 bytes, so it grows, and back to short values, which reuse it
        for (int length : new int[] {0, 1, 2, 3, 4, 5, 767, 768, 769, 1023, 1024, 1025, 3000, 2, 0}) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            String base64 = Base64.getEncoder().encodeToString(data);
            byte[] text = ("{\"value\":\"" + base64 + "\"}").getBytes(StandardCharsets.US_ASCII);
            int from = "{\"value\":\"".length();
            assertTrue(Base64Canonical.decodeQuoted(text, from, text.length, decoded), "length " + length);
            assertArrayEquals(data, decoded.bytes(), "length " + length);
            assertEquals(from + base64.length(), decoded.closingQuote(), "length " + length);
        }
    }

    @Test
    void readsNothingAtOrPastItsLimit() {
        Base64Canonical.Decoded decoded = new Base64Canonical.Decoded();
        for (String string : new String[] {"QUJD\"", "QUJDQQ==\"", "QUJDQUI=\"", "\""}) {
            byte[] text = string.getBytes(StandardCharsets.US_ASCII);
            // the limit cuts the text, and what lies beyond it would close the string: it must not be seen
            byte[] longer = (string + "\"\"\"\"").getBytes(StandardCharsets.US_ASCII);
            for (int limit = 0; limit < text.length; limit++) {
                assertFalse(Base64Canonical.decodeQuoted(longer, 0, limit, decoded), string + " cut at " + limit);
            }
            assertTrue(Base64Canonical.decodeQuoted(longer, 0, text.length, decoded) || string.equals("\""), string);
        }
    }

    @Test
    void judgesEveryOddCharacterInEveryPositionOfALongStringAsTheJdk() {
        // 60 characters: the eight-at-a-time loop meets the odd one in each of its lanes, then the quads and the
        // padding take over at every point of the string
        String base64 = Base64.getEncoder().encodeToString("a long value of forty-four bytes, then more".getBytes());
        for (int at = 0; at <= base64.length(); at++) {
            for (char c : ODD_CHARACTERS.toCharArray()) {
                check(base64.substring(0, at) + c + base64.substring(at));
                if (at < base64.length()) {
                    check(base64.substring(0, at) + c + base64.substring(at + 1));
                }
            }
            check(base64.substring(0, at));
        }
    }

    @Test
    void readsNothingAtOrPastItsLimitInALongString() {
        Base64Canonical.Decoded decoded = new Base64Canonical.Decoded();
        String string = Base64.getEncoder().encodeToString("twenty-eight bytes of values".getBytes()) + "\"";
        byte[] longer = (string + "\"\"\"\"\"\"\"\"").getBytes(StandardCharsets.US_ASCII);
        for (int limit = 0; limit < string.length(); limit++) {
            assertFalse(Base64Canonical.decodeQuoted(longer, 0, limit, decoded), "cut at " + limit);
            // the array itself ends at the limit: a read past it would throw
            byte[] cut = Arrays.copyOf(longer, limit);
            assertFalse(Base64Canonical.decodeQuoted(cut, 0, limit, decoded), "ends at " + limit);
        }
        assertTrue(Base64Canonical.decodeQuoted(longer, 0, string.length(), decoded));
        assertEquals("twenty-eight bytes of values", new String(decoded.bytes(), StandardCharsets.US_ASCII));
    }

    @Test
    void leavesToTheJdkAnythingNotCanonicalAndAgreesWhereverItAnswers() {
        Random random = new Random(11);
        for (int trial = 0; trial < 200_000; trial++) {
            byte[] data = new byte[random.nextInt(12)];
            random.nextBytes(data);
            StringBuilder text = new StringBuilder(Base64.getEncoder().encodeToString(data));
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int kind = random.nextInt(3);
                int at = text.length() == 0 ? 0 : random.nextInt(text.length() + (kind == 0 ? 1 : 0));
                char c = ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length()));
                if (kind == 0) {
                    text.insert(at, c);
                } else if (text.length() > 0 && kind == 1) {
                    text.deleteCharAt(Math.min(at, text.length() - 1));
                } else if (text.length() > 0) {
                    text.setCharAt(Math.min(at, text.length() - 1), c);
                }
            }
            check(text.toString());
        }
    }

    @Test
    void agreesOnTrailingBitsAndPaddingCornerCases() {
        for (String text : new String[] {
            "",
            "QQ==",
            "QR==",
            "QUI=",
            "QUJ=",
            "QUJD",
            "QQ",
            "QUI",
            "Q===",
            "====",
            "QQ=A",
            "QUJD====",
            "QU=D",
            "=QUJ",
            "QUJDQQ==QUJD",
            "QUJD\n",
            "QUJ\u00c4",
            "QUJD\"QUJD",
            "QQ==\"==",
            "QUI=\"",
            "QUJ\\\"D",
            "QUJD\\",
            "\"QUJD"
        }) {
            check(text);
        }
    }

    private static void check(String text) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException rejected) {
            expected = null;
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        checkInPlace(text);
        if (text.indexOf('"') >= 0) {
            return; // not a string's content: only the in-place path meets quotes
        }
        byte[] fast = Base64Canonical.decode(utf8, 0, utf8.length);
        if (fast != null) {
            assertNotNull(expected, "accepted what the JDK rejects: '" + text + "'");
            assertArrayEquals(expected, fast, "'" + text + "'");
        } else if (expected != null) {
            // left to the JDK, which accepts it: fine, as long as the fast path keeps to canonical text
            assertNull(fast);
        }
    }

    /**
     * As the content of a JSON string followed by more JSON: where the in-place path answers, the string ended at the
     * first quote, held nothing but canonical base64, and the JDK decodes it to the same bytes.
     */
    private static void checkInPlace(String text) {
        byte[] json = ("\"" + text + "\",\"next\":1}").getBytes(StandardCharsets.UTF_8);
        Base64Canonical.Decoded decoded = new Base64Canonical.Decoded();
        if (!Base64Canonical.decodeQuoted(json, 1, json.length, decoded)) {
            return;
        }
        String content = text.substring(0, text.indexOf('"') < 0 ? text.length() : text.indexOf('"'));
        assertEquals(1 + content.length(), decoded.closingQuote(), "'" + text + "'");
        assertArrayEquals(Base64.getDecoder().decode(content), decoded.bytes(), "'" + text + "'");
    }
}
