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

    /** A log past its limit starts again, and the function's appended lines then begin the file: no hole, no loss. */
    @Test
    void aLogPastItsLimitStartsAgainWithTheNextLines() throws Exception {
        Path log = dir.resolve("function.log");
        try (java.io.FileOutputStream function = new java.io.FileOutputStream(log.toFile(), true)) {
            function.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
            LambdaRun.keepWithinLimit(log, 100);
            assertEquals(100, Files.size(log), "at its limit a log is left alone");

            function.write("y\n".getBytes(StandardCharsets.US_ASCII));
            LambdaRun.keepWithinLimit(log, 100);
            assertEquals(0, Files.size(log), "past its limit a log is emptied");

            function.write("next line\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals("next line\n", Files.readString(log));
    }

    /** A log that is not there yet is no reason to stop a run. */
    @Test
    void aMissingLogIsLeftForLater() {
        LambdaRun.keepWithinLimit(dir.resolve("not-yet.log"), 100);
        assertTrue(Files.notExists(dir.resolve("not-yet.log")));
    }
}
