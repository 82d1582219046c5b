package io.streamingdata.msk.records.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast path must give the JDK decoder's bytes wherever it answers, and answer only where the JDK accepts. */
class Base64CanonicalTest {

    private static final String ODD_CHARACTERS = "=-_ \t\n.\u00e9\u20ac\ud83d+/A";

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
            "QUJ\u00c4"
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
        byte[] fast = Base64Canonical.decode(utf8, 0, utf8.length);
        if (fast != null) {
            assertNotNull(expected, "accepted what the JDK rejects: '" + text + "'");
            assertArrayEquals(expected, fast, "'" + text + "'");
        } else if (expected != null) {
            // left to the JDK, which accepts it: fine, as long as the fast path keeps to canonical text
            assertNull(fast);
        }
    }
}
