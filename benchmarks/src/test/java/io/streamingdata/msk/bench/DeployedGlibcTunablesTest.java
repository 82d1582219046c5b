package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks give the Java sides by default the GLIBC_TUNABLES that the Terraform msk-lambda module sets on a JVM
 * function (its tests/defaults.tftest.hcl checks the module's value; this checks that the scripts take the same).
 */
class DeployedGlibcTunablesTest {

    @Test
    void theScriptsDefaultIsWhatTheModuleSets() throws Exception {
        String main = Files.readString(BenchShell.REPO_ROOT.resolve("terraform/modules/msk-lambda/main.tf"));
        Matcher module = Pattern.compile("default_glibc_tunables\\s*=\\s*local\\.is_native \\? \"\" : \"([^\"]+)\"")
                .matcher(main);
        assertTrue(module.find(), "msk-lambda's main.tf no longer sets default_glibc_tunables as this test reads it");

        String[] result = BenchShell.run("java_env");
        assertEquals("0", result[0], result[1]);
        assertEquals("--env\nGLIBC_TUNABLES=" + module.group(1), result[1]);
    }

    @Test
    void anEmptySettingGivesNoVariable() throws Exception {
        String[] result = BenchShell.run("GLIBC_TUNABLES_SETTING='' && java_env");
        assertEquals("0", result[0], result[1]);
        assertEquals("", result[1]);
    }
}
