package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LambdaRun as the benchmark scripts run it: a process of its own. */
class LambdaRunTest {

    @TempDir
    Path dir;

    /** A runtime that cannot start is reported at once, with its own words, not after the five-minute timeout. */
    @Test
    void aRuntimeThatDiesAtStartIsReportedAtOnceWithItsOutput() throws Exception {
        Path event = Files.writeString(dir.resolve("event.json"), "{\"eventSource\":\"aws:kafka\",\"records\":{}}");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LambdaRun.class.getName(),
                "--label",
                "broken",
                "--event",
                event.toString(),
                "--log",
                dir.resolve("broken.log").toString(),
                "--java",
                dir.toString(),
                "--java-tool-options",
                "-XX:NoSuchOptionAnywhere",
                "--warmup",
                "1",
                "--iterations",
                "1");
        long started = System.nanoTime();
        Process run = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(60, TimeUnit.SECONDS), output);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

        assertEquals(1, run.exitValue(), output);
        assertTrue(output.contains("LambdaRun: broken: the runtime process exited"), output);
        assertTrue(output.contains("Unrecognized VM option 'NoSuchOptionAnywhere'"), output);
        assertTrue(seconds < 30, "reported after " + seconds + " s");
    }
}
