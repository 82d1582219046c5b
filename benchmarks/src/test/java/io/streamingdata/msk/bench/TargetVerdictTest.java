package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarks' summaries say whether each target is met ({@code judge} in scripts/bench/common.sh), and only
 * for runs with the settings the targets were set at ({@code target_setting_differences}).
 */
class TargetVerdictTest {

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "5.39x | >= | 5   | met (5.39x)",
                "4.99x | >= | 5   | not met (4.99x)",
                "5.00x | >= | 5   | met (5.00x)",
                // A ratio is judged as printed: 1.30x is within 1.3x, 1.31x is not.
                "1.30x | <= | 1.3 | met (1.30x)",
                "1.31x | <= | 1.3 | not met (1.31x)",
                "0.87x | <= | 1.3 | met (0.87x)",
                "256   | <= | 256 | met (256)",
                "257   | <= | 256 | not met (257)",
                "801   | <= | 800 | not met (801)",
                // What a run did not measure (no original side, no 20 ms latency) is said, not judged.
                "n/a   | >= | 5   | not measured",
                "''    | <= | 256 | not measured",
            })
    void aFigureIsJudgedAgainstItsTarget(String figure, String op, String limit, String verdict) throws Exception {
        String[] result = BenchShell.run("judge '" + figure + "' '" + op + "' " + limit);
        assertEquals("0", result[0], result[1]);
        assertEquals(verdict, result[1]);
    }

    @Test
    void aUnitFollowsTheFigure() throws Exception {
        String[] result = BenchShell.run("judge 142 '<=' 256 MB && judge 801 '<=' 800 ms && judge '' '<=' 256 MB");
        assertEquals("0", result[0], result[1]);
        assertEquals("met (142 MB)\nnot met (801 ms)\nnot measured", result[1]);
    }

    @Test
    void anUnknownComparisonIsRefused() throws Exception {
        String[] result = BenchShell.run("judge 5.39x '>' 5");
        assertEquals("1", result[0], result[1]);
        assertTrue(result[1].contains("judge: OP is >= or <=, got '>'"), result[1]);
    }

    @ParameterizedTest(name = "{0}: [{1}]")
    @CsvSource(
            delimiter = '|',
            value = {
                "target_setting_differences 512 512 4000 1000 false | ''",
                "target_setting_differences 1024 1024 4000 1000 false | ''",
                "target_setting_differences 1024 512 4000 1000 false | --memory-mb 1024 (targets at 512)",
                "target_setting_differences 512 512 10 1000 false"
                        + " | an event of 10 x 1000 bytes (targets at 4000 x 1000)",
                "target_setting_differences 512 512 4000 1000 true | --java-tool-options",
                "CPU_SHARE=lambda && target_setting_differences 512 512 4000 1000 false"
                        + " | --lambda-cpu (targets with the whole machine)",
                "GLIBC_TUNABLES_SETTING= && target_setting_differences 512 512 4000 1000 false | --glibc-tunables",
                "CPU_SHARE=lambda && target_setting_differences 1769 512 4000 1000 true"
                        + " | --memory-mb 1769 (targets at 512), --lambda-cpu (targets with the whole machine),"
                        + " --java-tool-options",
            })
    void onlyARunWithTheTargetsSettingsIsJudged(String command, String differences) throws Exception {
        String[] result = BenchShell.run(command);
        assertEquals("0", result[0], result[1]);
        assertEquals(differences, result[1]);
    }
}
