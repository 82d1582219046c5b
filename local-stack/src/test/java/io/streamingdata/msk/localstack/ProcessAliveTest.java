package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code alive} in {@code scripts/lib/common.sh}, which {@code scripts/stack} asks whether a part still runs. A part
 * that has exited stays a zombie until its parent reaps it, and the parts' parent is init once {@code stack start} has
 * returned: this machine's init reaps every two seconds or so, and some containers' never do. {@code kill -0} still
 * answers for a zombie, so a stop that waited on it waited for init (two seconds per part here) or for its 30 s
 * limit.
 */
class ProcessAliveTest {

    @Test
    void aProcessThatExitedButIsNotReapedCountsAsStopped() throws Exception {
        Path dir = Files.createTempDirectory("alive");
        Path zombiePid = dir.resolve("zombie.pid");
        // The inner sleep's parent execs another sleep, which never reaps it: a zombie until the parent ends.
        String script = """
                source scripts/lib/common.sh
                bash -c 'sleep 0.1 & echo $! > "$1"; exec sleep 10' _ "$ZOMBIE_PID" &
                parent=$!
                for _ in $(seq 1 100); do [[ -s "$ZOMBIE_PID" ]] && break; sleep 0.05; done
                zombie=$(<"$ZOMBIE_PID")
                for _ in $(seq 1 100); do
                  [[ "$(awk '{ print $3 }' "/proc/${zombie}/stat" 2>/dev/null)" == Z ]] && break
                  sleep 0.05
                done
                echo "state=$(awk '{ print $3 }' "/proc/${zombie}/stat")"
                kill -0 "${zombie}" && echo "kill-0=running"
                if alive "${zombie}"; then echo "zombie=running"; else echo "zombie=stopped"; fi
                if alive "${parent}"; then echo "parent=running"; else echo "parent=stopped"; fi
                if alive 999999999; then echo "none=running"; else echo "none=stopped"; fi
                kill "${parent}"
                """;
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                .directory(Scripts.REPO_ROOT.toFile())
                .redirectErrorStream(true);
        builder.environment().put("ZOMBIE_PID", zombiePid.toString());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the script did not finish");
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(0, process.exitValue(), out);
        assertTrue(out.contains("state=Z"), out);
        assertTrue(out.contains("kill-0=running"), out);
        assertTrue(out.contains("zombie=stopped"), out);
        assertTrue(out.contains("parent=running"), out);
        assertTrue(out.contains("none=stopped"), out);
        Files.deleteIfExists(zombiePid);
        Files.delete(dir);
    }
}
