package io.streamingdata.msk.flinksql.check;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A deterministic test data set: stock ticks in event-time order across an hour boundary, with malformed records
 * and late ticks mixed in, in the order they are produced. A tick is late when its event time is more than the
 * watermark's 5 seconds behind the highest event time produced before it.
 */
public final class TickSet {

    /** The bound of the source table's watermark (source.sql). */
    public static final Duration WATERMARK_DELAY = Duration.ofSeconds(5);

    private static final String[] TICKERS = {"AAPL", "AMZN", "MSFT", "INTC", "TBV"};
    private static final LocalDateTime START = LocalDateTime.of(2026, 1, 15, 10, 57, 0);
    private static final String[] MALFORMED = {
        "{\"event_time\": \"2026-01-15T10:58:00.000\", \"ticker\": \"AMZN\", \"price\": ",
        "not json at all",
        "{\"event_time\": \"2026-01-15T10:58:01.000\", \"ticker\": \"MSFT\", \"price\": \"n/a\"}",
        "{\"event_time\": \"yesterday\", \"ticker\": \"AAPL\", \"price\": 99.99}",
        "{\"event_time\": \"2026-01-15T10:58:02.000\", \"price\": 88.5}",
        "[1, 2, 3]",
        "",
    };

    private final List<String> records;
    private final List<Tick> ticks;
    private final List<Tick> late;
    private final int malformed;

    private TickSet(List<String> records, List<Tick> ticks, List<Tick> late, int malformed) {
        this.records = Collections.unmodifiableList(records);
        this.ticks = Collections.unmodifiableList(ticks);
        this.late = Collections.unmodifiableList(late);
        this.malformed = malformed;
    }

    /**
     * {@code count} in-order ticks two seconds apart from 10:57:00, one malformed record after every 20th, six late
     * ticks (about five minutes behind) after the 80 % mark, and two out-of-order ticks that stay within the
     * watermark's bound.
     */
    public static TickSet generate(int count, long seed) {
        if (count < 100) {
            throw new IllegalArgumentException(
                    "--ticks must be at least 100, so the data crosses an hour and has late ticks");
        }
        Random random = new Random(seed);
        List<String> records = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        List<Tick> late = new ArrayList<>();
        int malformed = 0;
        LocalDateTime max = START;
        for (int i = 0; i < count; i++) {
            LocalDateTime time = START.plus(Duration.ofMillis(i * 2000L + 250L * (i % 4)));
            max = time.isAfter(max) ? time : max;
            add(records, ticks, new Tick(time, TICKERS[random.nextInt(TICKERS.length)], price(random, i)));
            if (i % 20 == 19) {
                records.add(MALFORMED[malformed % MALFORMED.length]);
                malformed++;
            }
            if (i == count * 4 / 5) {
                for (int k = 0; k < 6; k++) {
                    Tick tick = new Tick(
                            START.plusSeconds(90 + k).plusNanos(7_000_000L),
                            TICKERS[k % TICKERS.length],
                            new BigDecimal(k % 2 == 0 ? "75.25" : "12.5").add(BigDecimal.valueOf(k)));
                    add(records, ticks, tick);
                }
                for (int k = 1; k <= 2; k++) {
                    add(
                            records,
                            ticks,
                            new Tick(max.minusSeconds(k).plusNanos(3_000_000L), "AMZN", new BigDecimal("60.0" + k)));
                }
            }
        }
        LocalDateTime highest = null;
        for (Tick tick : ticks) {
            if (highest != null && tick.eventTime().isBefore(highest.minus(WATERMARK_DELAY))) {
                late.add(tick);
            }
            highest = highest == null || tick.eventTime().isAfter(highest) ? tick.eventTime() : highest;
        }
        return new TickSet(records, ticks, late, malformed);
    }

    private static void add(List<String> records, List<Tick> ticks, Tick tick) {
        records.add(tick.toJson());
        ticks.add(tick);
    }

    /** Prices 0.00-99.99, with the boundary 50.00 (not written) and 50.01 (written) now and then. */
    private static BigDecimal price(Random random, int i) {
        if (i % 25 == 0) {
            return new BigDecimal("50.00");
        }
        if (i % 25 == 1) {
            return new BigDecimal("50.01");
        }
        return BigDecimal.valueOf(random.nextInt(10_000), 2);
    }

    /** Every record value in production order, malformed ones included. */
    public List<String> records() {
        return records;
    }

    /** The well-formed ticks (late ones included). */
    public List<Tick> ticks() {
        return ticks;
    }

    /** The late ticks: behind the watermark when they arrive. */
    public List<Tick> late() {
        return late;
    }

    public int malformed() {
        return malformed;
    }

    /** What the sink must contain: every well-formed tick above 50, once. */
    public List<Tick> expected() {
        List<Tick> expected = new ArrayList<>();
        for (Tick tick : ticks) {
            if (tick.qualifies()) {
                expected.add(tick);
            }
        }
        return expected;
    }
}
