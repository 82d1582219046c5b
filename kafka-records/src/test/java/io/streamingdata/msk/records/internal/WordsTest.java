package io.streamingdata.msk.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time runs must stop exactly where a byte-at-a-time loop stops: at every byte value, in every lane of
 * a word, behind every other byte value (a borrow out of one lane must not hide or invent a stop in the next), and
 * never read at or past the length.
 */
class WordsTest {

    private static final int SIZE = 24;

    @Test
    void runsStopAtTheFirstByteOfEveryValueInEveryPosition() {
        for (int value = 0; value < 256; value++) {
            for (int at = 0; at < SIZE; at++) {
                byte[] bytes = new byte[SIZE];
                Arrays.fill(bytes, (byte) 'a');
                bytes[at] = (byte) value;
                for (int from = 0; from < 4; from++) {
                    assertRunsAgree(bytes, from, SIZE, "0x" + Integer.toHexString(value) + " at " + at);
                }
            }
        }
    }

    @Test
    void aStopIsFoundBehindEveryOtherByteValue() {
        // each pair of neighbours: the first may borrow into the second's lane, the second may be the stop
        for (int first = 0; first < 256; first++) {
            for (int second = 0; second < 256; second++) {
                byte[] bytes = new byte[SIZE];
                Arrays.fill(bytes, (byte) 'a');
                bytes[9] = (byte) first;
                bytes[10] = (byte) second;
                assertRunsAgree(bytes, 0, SIZE, first + "," + second);
                assertRunsAgree(bytes, 3, SIZE, first + "," + second);
            }
        }
    }

    @Test
    void neverLooksAtOrPastTheLength() {
        byte[] bytes = new byte[SIZE];
        Arrays.fill(bytes, (byte) 'a');
        for (int length = 0; length < SIZE; length++) {
            byte[] stopsAfter = bytes.clone();
            Arrays.fill(stopsAfter, length, SIZE, (byte) '"');
            for (int from = 0; from <= length; from++) {
                assertEquals(length, Words.printableRun(stopsAfter, from, length), "printable, length " + length);
                assertEquals(length, Words.plainStringRun(stopsAfter, from, length), "string, length " + length);
            }
        }
    }

    @Test
    void agreesOnRandomMostlyPrintableBytes() {
        Random random = new Random(3);
        for (int trial = 0; trial < 50_000; trial++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (random.nextInt(20) == 0 ? random.nextInt(256) : 0x20 + random.nextInt(0x5F));
            }
            int length = random.nextInt(bytes.length + 1);
            assertRunsAgree(bytes, random.nextInt(length + 1), length, Arrays.toString(bytes));
        }
    }

    @Test
    void readsAndWritesWordsInTheStatedByteOrder() {
        byte[] bytes = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        assertEquals(0x0908070605040302L, Words.littleEndian(bytes, 1));
        byte[] out = new byte[9];
        Words.putLittleEndian(out, 1, 0x0807060504030201L);
        assertEquals(Arrays.toString(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8}), Arrays.toString(out));
    }

    private static void assertRunsAgree(byte[] bytes, int from, int length, String what) {
        assertEquals(
                printableByByte(bytes, from, length), Words.printableRun(bytes, from, length), "printable: " + what);
        assertEquals(plainByByte(bytes, from, length), Words.plainStringRun(bytes, from, length), "string: " + what);
    }

    private static int printableByByte(byte[] bytes, int i, int length) {
        while (i < length && bytes[i] >= 0x20 && bytes[i] <= 0x7E) {
            i++;
        }
        return i;
    }

    private static int plainByByte(byte[] bytes, int i, int length) {
        while (i < length && bytes[i] >= 0x20 && bytes[i] <= 0x7E && bytes[i] != '"' && bytes[i] != '\\') {
            i++;
        }
        return i;
    }
}
