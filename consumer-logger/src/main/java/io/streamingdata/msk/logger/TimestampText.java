package io.streamingdata.msk.logger;

import java.time.Instant;

/**
 * A record timestamp as {@link Instant#toString()} writes epoch milliseconds ({@code 2026-11-25T20:00:01.123Z}, no
 * fraction on a whole second), kept in a reusable buffer. The records of a batch mostly fall within a few seconds, so
 * the date and time of day are formatted once per second and only the milliseconds per record: under the C1-only JIT
 * of Lambda's java21 runtime, formatting each of 4,000 timestamps through {@code Instant} measured about 1 ms per
 * batch.
 */
final class TimestampText {

    private final char[] text = new char[64];
    private long second = Long.MIN_VALUE;
    /** Length of the formatted second without its {@code Z}. */
    private int secondLength;

    /** Formats {@code epochMilli} into {@link #chars()}; returns its length. */
    int format(long epochMilli) {
        long epochSecond = Math.floorDiv(epochMilli, 1000);
        int millis = (int) Math.floorMod(epochMilli, 1000);
        if (epochSecond != second) {
            String whole = Instant.ofEpochSecond(epochSecond).toString(); // always ends in Z
            secondLength = whole.length() - 1;
            whole.getChars(0, secondLength, text, 0);
            second = epochSecond;
        }
        int end = secondLength;
        if (millis != 0) {
            text[end++] = '.';
            text[end++] = (char) ('0' + millis / 100);
            text[end++] = (char) ('0' + millis / 10 % 10);
            text[end++] = (char) ('0' + millis % 10);
        }
        text[end++] = 'Z';
        return end;
    }

    /** The buffer {@link #format} wrote into; valid up to the length it returned, until its next call. */
    char[] chars() {
        return text;
    }
}
