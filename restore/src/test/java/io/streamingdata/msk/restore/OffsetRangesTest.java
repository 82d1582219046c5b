package io.streamingdata.msk.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetRangesTest {

    @Test
    void shouldTellDuplicatesAndGapsWhateverTheOrder() {
        OffsetRanges offsets = new OffsetRanges();
        for (long offset : new long[] {5, 3, 4, 9, 10, 7, 0}) {
            assertTrue(offsets.add(offset), "first time " + offset);
        }

        assertFalse(offsets.add(4));
        assertFalse(offsets.add(10));
        assertFalse(offsets.add(0));
        assertEquals(7, offsets.count());
        assertEquals(0, offsets.first());
        assertEquals(10, offsets.last());
        List<long[]> gaps = offsets.gaps();
        assertEquals(3, gaps.size());
        assertArrayEquals(new long[] {1, 2}, gaps.get(0));
        assertArrayEquals(new long[] {6, 6}, gaps.get(1));
        assertArrayEquals(new long[] {8, 8}, gaps.get(2));
    }

    @Test
    void shouldMergeARangeFilledFromBothSides() {
        OffsetRanges offsets = new OffsetRanges();
        offsets.add(1);
        offsets.add(3);
        offsets.add(2);

        assertEquals(List.of(), offsets.gaps());
        assertEquals(3, offsets.count());
    }
}
