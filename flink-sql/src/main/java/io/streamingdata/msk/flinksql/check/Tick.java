package io.streamingdata.msk.flinksql.check;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** A well-formed stock tick: what the producer sends and what the sink should write back. */
public final class Tick {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH");
    private static final BigDecimal THRESHOLD = new BigDecimal("50");

    private final LocalDateTime eventTime;
    private final String ticker;
    private final BigDecimal price;

    public Tick(LocalDateTime eventTime, String ticker, BigDecimal price) {
        this.eventTime = eventTime;
        this.ticker = ticker;
        this.price = price.stripTrailingZeros();
    }

    public LocalDateTime eventTime() {
        return eventTime;
    }

    public String ticker() {
        return ticker;
    }

    public BigDecimal price() {
        return price;
    }

    /** The filter of insert.sql: {@code price > 50}. */
    public boolean qualifies() {
        return price.compareTo(THRESHOLD) > 0;
    }

    /** The partition the sink should write this tick to: {@code ticker=X/dt=YYYY-MM-DD/hr=HH}. */
    public String partition() {
        return "ticker=" + ticker + "/dt=" + DAY.format(eventTime) + "/hr=" + HOUR.format(eventTime);
    }

    /** The record value, as the original's Python producer sends it (ISO-8601 local time). */
    public String toJson() {
        return "{\"event_time\": \"" + ISO.format(eventTime) + "\", \"ticker\": \"" + ticker + "\", \"price\": "
                + price.toPlainString() + "}";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Tick)) {
            return false;
        }
        Tick tick = (Tick) other;
        return eventTime.equals(tick.eventTime) && ticker.equals(tick.ticker) && price.compareTo(tick.price) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventTime, ticker, price);
    }

    @Override
    public String toString() {
        return ticker + "@" + ISO.format(eventTime) + "=" + price.toPlainString();
    }
}
