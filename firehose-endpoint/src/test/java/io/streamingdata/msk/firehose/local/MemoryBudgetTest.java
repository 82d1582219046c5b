package io.streamingdata.msk.firehose.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aReservationThatDoesNotFitIsRefusedAndCounted() {
        MemoryBudget budget = new MemoryBudget(10 * MIB);
        MemoryBudget.Reservation first = budget.tryReserve(6 * MIB);
        assertNotNull(first);
        assertNull(budget.tryReserve(5 * MIB));
        assertEquals(1, budget.refusedCalls());
        first.close();
        assertEquals(0, budget.used());
        assertNotNull(budget.tryReserve(10 * MIB), "the whole limit fits once nothing is held");
    }

    @Test
    void bytesHandedOverStayHeldUntilReleasedAndTheRestGoesBackOnClose() {
        MemoryBudget budget = new MemoryBudget(10 * MIB);
        try (MemoryBudget.Reservation call = budget.tryReserve(6 * MIB)) {
            call.handOver(4 * MIB);
        }
        assertEquals(4 * MIB, budget.used(), "the buffer's share outlives the call");
        budget.release(4 * MIB);
        assertEquals(0, budget.used());

        try (MemoryBudget.Reservation call = budget.tryReserve(MIB)) {
            call.handOver(3 * MIB); // more than reserved: counted on top, never lost from the books
        }
        assertEquals(3 * MIB, budget.used());
    }

    @Test
    void theLargestBodyFitsTheSmallestLimitAndTheDefaultIsHalfTheHeap() {
        assertTrue(MemoryBudget.costOfBody(MemoryBudget.MAX_REQUEST_BODY_BYTES) <= MemoryBudget.MIN_LIMIT_BYTES);
        assertTrue(
                MemoryBudget.costOfBody(5_600_000) > 5_600_000 + LocalFirehose.MAX_RECORD_BYTES - 1,
                "a body counts with the decoder's copy of its largest record");
        assertEquals(64 * MIB, MemoryBudget.defaultLimit(128 * MIB));
        assertEquals(MemoryBudget.MIN_LIMIT_BYTES, MemoryBudget.defaultLimit(8 * MIB));
        assertThrows(IllegalArgumentException.class, () -> new MemoryBudget(MemoryBudget.MIN_LIMIT_BYTES - 1));
    }
}
