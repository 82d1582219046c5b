package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks give the Java sides by default the GLIBC_TUNABLES that the Terraform msk-lambda module sets on a JVM
 * function (its tests/defaults.tftest.hcl checks the module's value; this checks that the scripts take the same).
 */
class DeployedGlibcTunablesTest {

    private static final Path REPO_ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void theScriptsDefaultIsWhatTheModuleSets() throws Exception {
        String main = Files.readString(REPO_ROOT.resolve("terraform/modules/msk-lambda/main.tf"));
        Matcher module = Pattern.compile("default_glibc_tunables\\s*=\\s*local\\.is_native \\? \"\" : \"([^\"]+)\"")
                .matcher(main);
        assertTrue(module.find(), "msk-lambda's main.tf no longer sets default_glibc_tunables as this test reads it");

        String[] result = bash("java_env");
        assertEquals("0", result[0], result[1]);
        assertEquals("--env\nGLIBC_TUNABLES=" + module.group(1), result[1]);
    }

    @Test
    void anEmptySettingGivesNoVariable() throws Exception {
        String[] result = bash("GLIBC_TUNABLES_SETTING='' && java_env");
        assertEquals("0", result[0], result[1]);
        assertEquals("", result[1]);
    }

    /** The exit status and the output of {@code COMMAND} after sourcing the benchmarks' shell library. */
    private static String[] bash(String command) throws Exception {
        Process bash = new ProcessBuilder(
                        "bash", "-c", "source scripts/lib/common.sh && source scripts/bench/common.sh && " + command)
                .directory(REPO_ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        bash.waitFor(30, TimeUnit.SECONDS);
        return new String[] {String.valueOf(bash.exitValue()), output};
    }
}
