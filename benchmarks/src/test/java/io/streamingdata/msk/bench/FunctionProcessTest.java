package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FunctionProcessTest {

    @TempDir
    Path dir;

    @Test
    void cpuTimeGrowsWhileTheProcessComputesAndNotWhileItSleeps() throws Exception {
        Path log = dir.resolve("out.log");
        Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        long busyMillis;
        try (FunctionProcess busy = FunctionProcess.start(List.of("sh", "-c", "while :; do :; done"), env, dir, log)) {
            Thread.sleep(600);
            busyMillis = busy.cpuMillis();
        }
        long idleMillis;
        try (FunctionProcess idle = FunctionProcess.start(List.of("sleep", "5"), env, dir, log)) {
            Thread.sleep(600);
            idleMillis = idle.cpuMillis();
        }
        // A busy loop on a shared machine still gets a good part of a core; the elapsed time bounds it from above.
        assertTrue(busyMillis >= 100 && busyMillis <= 700, "busy loop CPU ms: " + busyMillis);
        assertTrue(idleMillis >= 0 && idleMillis <= 50, "sleeping process CPU ms: " + idleMillis);
        assertTrue(Files.exists(log));
    }
}
