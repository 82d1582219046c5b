package io.streamingdata.msk.flinksql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TickSetTest {

    @Test
    void shouldBeDeterministicForASeed() {
        assertEquals(
                TickSet.generate(150, 7).records(), TickSet.generate(150, 7).records());
    }

    @Test
    void shouldMixInMalformedRecordsLateTicksAndBothSidesOfTheThreshold() {
        TickSet ticks = TickSet.generate(300, 1);

        assertEquals(15, ticks.malformed());
        assertEquals(ticks.ticks().size() + ticks.malformed(), ticks.records().size());
        assertEquals(6, ticks.late().size());
        assertTrue(ticks.late().stream().anyMatch(Tick::qualifies));
        assertTrue(ticks.late().stream().anyMatch(tick -> !tick.qualifies()));
        assertTrue(ticks.ticks().stream()
                .anyMatch(tick -> tick.price().toPlainString().equals("50")));
        assertEquals(
                2,
                ticks.ticks().stream()
                        .map(tick -> tick.partition().substring(tick.partition().indexOf("/hr=")))
                        .distinct()
                        .count());
    }

    @Test
    void shouldExpectOnlyWellFormedTicksAboveFifty() {
        TickSet ticks = TickSet.generate(120, 3);

        assertFalse(ticks.expected().isEmpty());
        assertTrue(ticks.expected().stream().allMatch(Tick::qualifies));
        assertEquals(ticks.ticks().stream().filter(Tick::qualifies).collect(Collectors.toList()), ticks.expected());
    }

    @Test
    void shouldRefuseTooFewTicks() {
        assertThrows(IllegalArgumentException.class, () -> TickSet.generate(99, 1));
    }
}
