package io.streamingdata.msk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FlagValuesTest {

    @Test
    void shouldReadAWholeNumberWithinItsBoundsIgnoringBlanksAround() {
        assertEquals(0, FlagValues.wholeNumber("--count", "0", 0, 10));
        assertEquals(10, FlagValues.wholeNumber("--count", " 10 ", 0, 10));
        assertEquals(Long.MIN_VALUE, FlagValues.wholeNumber("--seed", "-9223372036854775808", Long.MIN_VALUE, 0));
    }

    @Test
    void shouldRefuseWhatIsNoWholeNumberOrOutOfRangeSayingWhatItGot() {
        assertEquals("--count needs a whole number, got '1e3'", refusedNumber("1e3", 0, 10));
        assertEquals("--count needs a whole number, got ''", refusedNumber("", 0, 10));
        assertEquals(
                "--count needs a whole number, got '9223372036854775808'",
                refusedNumber("9223372036854775808", 0, Long.MAX_VALUE));
        assertEquals("--count: 11 is out of range (0..10)", refusedNumber("11", 0, 10));
        assertEquals("--count: -1 is out of range (0..10)", refusedNumber("-1", 0, 10));
    }

    @Test
    void shouldRefuseAnEmptyOrBlankValue() {
        assertEquals("run-7", FlagValues.nonEmpty("--run-id", "run-7"));
        assertEquals(
                "--run-id must not be empty",
                assertThrows(IllegalArgumentException.class, () -> FlagValues.nonEmpty("--run-id", " "))
                        .getMessage());
    }

    private static String refusedNumber(String value, long min, long max) {
        return assertThrows(IllegalArgumentException.class, () -> FlagValues.wholeNumber("--count", value, min, max))
                .getMessage();
    }
}
