package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarks apply by default the JAVA_TOOL_OPTIONS that the Terraform modules set, which their own tests check:
 * msk-lambda's at 512 MB, where the young generation reaches its cap, and 130 MB, where it is a quarter of the
 * memory rounded down and the initial heap is capped at half the memory (terraform/modules/msk-lambda/tests/defaults.tftest.hcl), with full tiered compilation added
 * for the logger from 1769 MB up, as the platform module sets it (terraform/modules/platform/tests/defaults.tftest.hcl
 * checks 512, 1768 and 1769 MB).
 */
class DeployedJavaToolOptionsTest {

    @ParameterizedTest
    @CsvSource({
        "512, firehose-forwarder, -Xmn64m -Xms96m -XX:MetaspaceSize=64m",
        "130, firehose-forwarder, -Xmn32m -Xms64m -XX:MetaspaceSize=64m",
        "512, consumer-logger, -Xmn64m -Xms96m -XX:MetaspaceSize=64m",
        "1768, consumer-logger, -Xmn64m -Xms96m -XX:MetaspaceSize=64m",
        "1769, consumer-logger, -Xmn64m -Xms96m -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=4",
        "1769, firehose-forwarder, -Xmn64m -Xms96m -XX:MetaspaceSize=64m"
    })
    void theScriptsDefaultIsWhatTheModulesSet(int memoryMb, String function, String expected) throws Exception {
        String[] result = deployedOptions(memoryMb + " " + function);
        assertEquals("0", result[0], result[1]);
        assertEquals(expected, result[1]);
    }

    @Test
    void aFunctionItDoesNotKnowIsRefused() throws Exception {
        String[] result = deployedOptions("512 consumer-forwarder");
        assertNotEquals("0", result[0], result[1]);
        assertTrue(result[1].contains("FUNCTION must be consumer-logger or firehose-forwarder"), result[1]);
    }

    /** The exit status and the output of {@code deployed_java_tool_options ARGS}. */
    private static String[] deployedOptions(String args) throws Exception {
        return BenchShell.run("deployed_java_tool_options " + args);
    }
}
