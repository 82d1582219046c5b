package io.streamingdata.msk.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HourPrefixesTest {

    private static final Instant FIRST = Instant.parse("2026-12-31T22:10:00Z");
    private static final Instant LAST = Instant.parse("2027-01-01T00:59:59Z");

    @Test
    void shouldListEveryUtcHourOfTheDefaultLayout() {
        List<HourPrefixes.Listing> listings = HourPrefixes.parse("").listings(FIRST, LAST);

        assertEquals(
                List.of("2026/12/31/22/", "2026/12/31/23/", "2027/01/01/00/"),
                listings.stream().map(HourPrefixes.Listing::listPrefix).toList());
        assertTrue(listings.get(0).matches("2026/12/31/22/local-stack-stream-1-2026-12-31-22-10-00-abc"));
    }

    @Test
    void shouldFillInTimestampExpressionsOfAHivePrefix() {
        List<HourPrefixes.Listing> listings = HourPrefixes.parse(
                        "data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/")
                .listings(FIRST, FIRST);

        assertEquals("data/year=2026/month=12/day=31/hour=22/", listings.get(0).listPrefix());
    }

    @Test
    void shouldListBeforeAPartitionKeyOnceAndMatchTheHoursAfterIt() {
        List<HourPrefixes.Listing> listings = HourPrefixes.parse(
                        "data/ticker=!{partitionKeyFromQuery:ticker}/dt=!{timestamp:yyyy-MM-dd-HH}/")
                .listings(FIRST, LAST);

        assertEquals(1, listings.size());
        assertEquals("data/ticker=", listings.get(0).listPrefix());
        assertTrue(listings.get(0).matches("data/ticker=AMZN/dt=2026-12-31-23/s-1-x.gz"));
        assertFalse(listings.get(0).matches("data/ticker=AMZN/dt=2026-12-31-21/s-1-x.gz"));
        assertFalse(listings.get(0).matches("data/ticker=A/B/dt=2026-12-31-23/s-1-x.gz"));
    }

    @Test
    void shouldRefuseExpressionsFirehoseDoesNotWriteIntoKeys() {
        assertThrows(UserMistake.class, () -> HourPrefixes.parse("errors/!{firehose:error-output-type}/"));
        assertThrows(UserMistake.class, () -> HourPrefixes.parse("data/!{timestamp:yyyy"));
        assertThrows(UserMistake.class, () -> HourPrefixes.parse("data/!{timestamp:qqqqqqq}/"));
    }
}
