package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The benchmarks apply by default the JAVA_TOOL_OPTIONS that the Terraform module msk-lambda sets, which its own
 * test (terraform/modules/msk-lambda/tests/defaults.tftest.hcl) checks at these memory settings: 512 MB, where the
 * young generation reaches its cap, and 130 MB, where it is a quarter of the memory rounded down.
 */
class DeployedJavaToolOptionsTest {

    private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

    @ParameterizedTest
    @CsvSource({"512, -Xmn64m", "130, -Xmn32m"})
    void theScriptsDefaultIsWhatTheModuleSets(int memoryMb, String expected) throws Exception {
        Process bash = new ProcessBuilder(
                        "bash", "-c", "source scripts/bench/common.sh && deployed_java_tool_options " + memoryMb)
                .directory(REPO_ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        bash.waitFor(30, TimeUnit.SECONDS);
        assertEquals(0, bash.exitValue(), output);
        assertEquals(expected, output);
    }
}
