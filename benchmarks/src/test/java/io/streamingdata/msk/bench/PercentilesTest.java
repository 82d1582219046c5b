package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOverUnsortedValues() {
        Percentiles p = Percentiles.of(new double[] {9, 1, 5, 3, 7, 2, 8, 4, 6, 10});
        assertEquals(1, p.min());
        assertEquals(5, p.median());
        assertEquals(9, p.p90());
        assertEquals(10, p.max());
    }

    @Test
    void heapIsEightyFivePercentOfTheMemorySetting() {
        assertEquals(435, Runtimes.heapMegabytes(512));
    }
}
