package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuShareTest {

    @TempDir
    Path dir;

    @Test
    void theShareIsOneVcpuPer1769Megabytes() {
        assertEquals(100_000, CpuShare.quotaMicros(1769));
        assertEquals(28_943, CpuShare.quotaMicros(512)); // 512 / 1769 = 0.2894
        assertEquals(57_886, CpuShare.quotaMicros(1024));
        assertEquals(578_858, CpuShare.quotaMicros(10_240)); // Lambda's maximum: 5.79, reported as 6 vCPUs
        assertEquals("0.29 vCPU (512 MB / 1769 MB per vCPU)", CpuShare.describe(512));
    }

    /** Where the machine lets this user create a CPU cgroup (as root on the project's machines), it holds. */
    @Test
    void aBusyProcessInTheShareGetsNoMoreThanItsQuota() throws Exception {
        CpuShare share;
        try {
            share = CpuShare.create("cpusharetest-" + ProcessHandle.current().pid(), 512);
        } catch (IOException unavailable) {
            assumeTrue(false, unavailable.getMessage());
            return;
        }
        Path cgroup = share.directory();
        Map<String, String> env = Map.of("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        long busyMillis;
        try (share) {
            try (FunctionProcess busy = FunctionProcess.start(
                    share.wrap(List.of("sh", "-c", "while :; do :; done")), env, dir, dir.resolve("out.log"))) {
                Thread.sleep(1500);
                busyMillis = busy.cpuMillis();
                assertTrue(
                        Files.readString(cgroup.resolve("cgroup.procs")).strip().length() > 0,
                        "the process is in the cgroup");
            }
        }
        // 0.29 of a core for 1.5 s is 434 ms; without the limit a busy loop gets up to 1,500 ms
        assertTrue(busyMillis >= 150 && busyMillis <= 600, "busy loop CPU ms in a 0.29 vCPU share: " + busyMillis);
        assertFalse(Files.exists(cgroup), "the cgroup is removed on close");
    }
}
