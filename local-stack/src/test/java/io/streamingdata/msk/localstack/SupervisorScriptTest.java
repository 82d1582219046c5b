package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code scripts/lib/supervise}, which runs the local stack's functions: it starts a command again after a failed
 * exit, records the restarts, and stops for good after a clean one. (Stopping it with SIGTERM, with the function
 * inside, is what {@code scripts/stack stop} does in the end-to-end tests.)
 */
class SupervisorScriptTest {

    private final Scripts scripts = new Scripts("supervise");

    @Test
    void aCommandThatFailsIsStartedAgainAndOneThatSucceedsIsNot() throws IOException {
        Path dir = Files.createTempDirectory(scripts.stateDir, "run");
        Path pid = dir.resolve("part.pid");
        Path state = dir.resolve("part.state");
        Path log = dir.resolve("part.log");
        // Fails the first time (as a consumer that stopped consuming), succeeds the second.
        String command = "if [ -f ran ]; then echo second run; exit 0; fi; touch ran; echo first run; exit 70";

        Scripts.Result run = scripts.runIn(
                dir,
                60,
                "lib/supervise",
                "part",
                pid.toString(),
                state.toString(),
                log.toString(),
                "--",
                "bash",
                "-c",
                command);

        assertEquals(0, run.exitCode(), run::all);
        String output = Files.readString(log);
        assertTrue(output.contains("first run"), output);
        assertTrue(output.contains("supervise: part (pid "), output);
        assertTrue(output.contains("exited with status 70; restarting it in 1 s (restart 1)"), output);
        assertTrue(output.contains("second run"), output);
        assertTrue(output.contains("part exited with status 0; not restarting it"), output);
        assertTrue(Files.readString(state).startsWith("restarts=1 last_status=70 last_exit="), Files.readString(state));
        assertTrue(Files.readString(pid).strip().matches("\\d+"));
    }

    @Test
    void wrongArgumentsAreNamed() {
        Scripts.Result help = scripts.run("lib/supervise", "--help");
        assertEquals(0, help.exitCode(), help::all);
        assertTrue(help.out().contains("Usage: scripts/lib/supervise NAME PID_FILE STATE_FILE LOG_FILE --"), help::all);

        Scripts.Result missing = scripts.run("lib/supervise", "part", "a.pid");
        assertEquals(2, missing.exitCode(), missing::all);
        assertTrue(
                missing.err().contains("supervise: expected NAME PID_FILE STATE_FILE LOG_FILE -- COMMAND"),
                missing::all);
        assertFalse(missing.err().contains("unbound variable"), missing::all);
    }
}
