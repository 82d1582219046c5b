package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        "512, firehose-forwarder, -Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m",
        "130, firehose-forwarder, -Xmn32m -Xms64m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m",
        "512, consumer-logger, -Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m",
        "1768, consumer-logger, -Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m",
        "1769, consumer-logger, -Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m -XX:TieredStopAtLevel=4",
        "1769, firehose-forwarder, -Xmn64m -Xms96m -XX:SurvivorRatio=2 -XX:MetaspaceSize=64m"
    })
    void theScriptsDefaultIsWhatTheModulesSet(int memoryMb, String function, String expected) throws Exception {
        String[] result = deployedOptions(memoryMb + " " + function);
        assertEquals("0", result[0], result[1]);
        assertEquals(expected, result[1]);
    }

    /**
     * The options start the JVM under the runtime's own flags and heap limit (an -Xms above the runtime's -Xmx would
     * keep it from starting), and it lays the heap out as they say: the young generation, the initial heap, survivor
     * spaces of a quarter of the young generation each.
     */
    @ParameterizedTest
    @CsvSource({"512, 64, 96", "130, 32, 64", "1769, 64, 96"})
    void theOptionsStartTheRuntimesJvmWithTheHeapTheyAskFor(int memoryMb, long youngMb, long initialMb)
            throws Exception {
        String options = deployedOptions(memoryMb + " firehose-forwarder")[1];
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(Runtimes.JAVA21_FLAGS);
        command.add("-XX:MaxRAM=" + memoryMb + "m");
        command.add("-Xmx" + Runtimes.heapMegabytes(memoryMb) + "m");
        command.addAll(Runtimes.splitOptions(options));
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        String flags = run(command);
        assertEquals(youngMb << 20, flag(flags, "NewSize"), options);
        assertEquals(youngMb << 20, flag(flags, "MaxNewSize"), options);
        assertEquals(initialMb << 20, flag(flags, "InitialHeapSize"), options);
        assertEquals(2, flag(flags, "SurvivorRatio"), options);
        assertEquals(64L << 20, flag(flags, "MetaspaceSize"), options);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), () -> String.join(" ", command) + "\n" + output);
        return output;
    }

    private static long flag(String flags, String name) {
        Matcher value = Pattern.compile("\\s" + name + "\\s+=\\s+(\\d+)").matcher(flags);
        assertTrue(value.find(), () -> name + " not in the JVM's flags");
        return Long.parseLong(value.group(1));
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
