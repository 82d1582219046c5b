package io.streamingdata.msk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.streamingdata.msk.cli.CommandLineFlags.Flag;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineFlagsTest {

    private static final Set<String> VALUES = Set.of("--port", "--stream");

    @Test
    void shouldTakeTheValueFromTheNextArgumentOrAfterTheEqualsSign() {
        assertEquals(
                List.of(new Flag("--port", "4573"), new Flag("--stream", "a=b,prefix=x/")),
                parse("--port", "4573", "--stream=a=b,prefix=x/"));
    }

    @Test
    void shouldKeepAnEmptyValueAndOneThatLooksLikeAShortFlag() {
        assertEquals(
                List.of(new Flag("--port", ""), new Flag("--stream", ""), new Flag("--port", "-1")),
                parse("--port", "", "--stream=", "--port", "-1"));
    }

    @Test
    void shouldRefuseAValueFlagWithoutItsValueNamingTheFlag() {
        assertEquals("--port needs a value", refused("--port"));
        assertEquals("--port needs a value", refused("--port", "--verbose"));
        assertEquals("--stream needs a value", refused("--port", "1", "--stream"));
    }

    @Test
    void shouldReturnSwitchesAndUnknownArgumentsWithoutAValueForTheToolToJudge() {
        assertEquals(
                List.of(
                        new Flag("--verbose", null),
                        new Flag("-h", null),
                        new Flag("--speed=9", null),
                        new Flag("stray", null),
                        new Flag("--port", "1")),
                parse("--verbose", "-h", "--speed=9", "stray", "--port", "1"));
    }

    @Test
    void shouldNotTakeTheNextArgumentForASwitch() {
        assertEquals(List.of(new Flag("--verbose", null), new Flag("4573", null)), parse("--verbose", "4573"));
    }

    @Test
    void shouldReturnNothingForAnEmptyCommandLine() {
        assertEquals(List.of(), parse());
    }

    private static List<Flag> parse(String... args) {
        return CommandLineFlags.parse(args, VALUES);
    }

    private static String refused(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }
}
