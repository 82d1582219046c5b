package io.streamingdata.msk.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a user sees when they ask for help or get something wrong: {@code --help}, bad flags, a port already taken,
 * a part that cannot start. Always a message naming the problem on standard error, a non-zero exit, and nothing left
 * running.
 */
class ScriptBehaviourTest {

    private final Scripts scripts = new Scripts("behaviour");

    @AfterEach
    void nothingLeftRunning() {
        assertEquals(List.of(), scripts.runningParts(), "processes left running");
    }

    @Test
    void helpExplainsEveryScript() {
        Scripts.Result stack = scripts.run("stack", "--help");
        assertEquals(0, stack.exitCode(), stack::all);
        assertTrue(stack.out().contains("Usage: scripts/stack start [--only PARTS] [--data-dir DIR]"), stack::all);
        assertTrue(stack.out().contains("LOCAL_STACK_KAFKA_PORT (19092)"), stack::all);

        Scripts.Result demo = scripts.run("demo", "--help");
        assertEquals(0, demo.exitCode(), demo::all);
        for (String flag : List.of("--records N", "--data-dir DIR", "--keep", "--timeout SECONDS")) {
            assertTrue(demo.out().contains(flag), () -> flag + " missing:\n" + demo.all());
        }
        assertTrue(demo.out().contains("produced=N logged=N delivered=N dead-lettered=N lost=N"), demo::all);

        assertTrue(demo.out().contains("--restore"), demo::all);

        Scripts.Result restore = scripts.run("restore", "--help");
        assertEquals(0, restore.exitCode(), restore::all);
        for (String flag : List.of(
                "--bucket BUCKET",
                "--dry-run",
                "--keep-partition",
                "--dead-letters",
                "--values-only",
                "KAFKA_SECURITY_PROTOCOL",
                "restored=N duplicates-skipped=N")) {
            assertTrue(restore.out().contains(flag), () -> flag + " missing:\n" + restore.all());
        }
        Scripts.Result noWindow = scripts.run("restore", "--bucket", "b");
        assertEquals(2, noWindow.exitCode(), noWindow::all);
        assertTrue(noWindow.err().contains("--from is required"), noWindow::all);

        Scripts.Result produce = scripts.run("produce", "--help");
        assertEquals(0, produce.exitCode(), produce::all);
        assertTrue(produce.out().contains("--rate R"), produce::all);

        Scripts.Result test = scripts.run("test", "--help");
        assertEquals(0, test.exitCode(), test::all);
        assertTrue(test.out().contains("Usage: scripts/test [--sequential] [--help]"), test::all);
        assertTrue(test.out().contains("alongside step 1 at the lowest CPU priority"), test::all);
    }

    @Test
    void badFlagsAreNamed() {
        Scripts.Result records = scripts.run("demo", "--records", "many");
        assertEquals(2, records.exitCode(), records::all);
        assertTrue(records.err().contains("demo: --records needs a positive whole number, got 'many'"), records::all);

        Scripts.Result unknown = scripts.run("demo", "--turbo");
        assertEquals(2, unknown.exitCode(), unknown::all);
        assertTrue(unknown.err().contains("demo: unknown argument: --turbo"), unknown::all);

        Scripts.Result part = scripts.run("stack", "start", "--only", "kafka,zookeeper");
        assertEquals(2, part.exitCode(), part::all);
        assertTrue(part.err().contains("stack: unknown part 'zookeeper' in --only"), part::all);

        Scripts.Result command = scripts.run("stack", "restart");
        assertEquals(2, command.exitCode(), command::all);
        assertTrue(command.err().contains("stack: unknown command: restart"), command::all);

        Scripts.Result test = scripts.run("test", "--parallel");
        assertEquals(2, test.exitCode(), test::all);
        assertTrue(test.err().contains("test: unknown argument: --parallel"), test::all);
        assertTrue(test.err().contains("Run scripts/test --help for usage."), test::all);

        Scripts.Result count = scripts.run("produce", "--count", "lots");
        assertEquals(2, count.exitCode(), count::all);
        assertTrue(count.err().contains("produce: --count needs a whole number, got 'lots'"), count::all);
        assertFalse(count.err().contains("Exception"), count::all);
    }

    @Test
    void producingWithoutABrokerSaysSo() {
        Scripts.Result result = scripts.run("produce", "--count", "1", "--connect-timeout-ms", "1500");
        assertEquals(1, result.exitCode(), result::all);
        assertTrue(result.err().contains("produce: no Kafka broker answered at " + scripts.bootstrap()), result::all);
        assertTrue(result.err().contains("scripts/stack status"), result::all);
    }

    @Test
    void aPortInUseStartsNothing() throws IOException {
        try (ServerSocket taken = new ServerSocket(scripts.firehosePort, 1, InetAddress.getLoopbackAddress())) {
            Scripts.Result stack = scripts.run("stack", "start");
            assertEquals(1, stack.exitCode(), stack::all);
            assertTrue(
                    stack.err()
                            .contains("stack: port already in use: 127.0.0.1:" + scripts.firehosePort
                                    + " (firehose, LOCAL_STACK_FIREHOSE_PORT)"),
                    stack::all);
            assertTrue(stack.err().contains("nothing was started"), stack::all);
            assertFalse(stack.out().contains("started kafka"), stack::all);

            Scripts.Result demo = scripts.run("demo", "--records", "10");
            assertEquals(1, demo.exitCode(), demo::all);
            assertTrue(demo.err().contains("demo: port already in use: 127.0.0.1:" + scripts.firehosePort), demo::all);
            assertFalse(demo.out().contains("started kafka"), demo::all);
        }
        Scripts.Result status = scripts.run("stack", "status");
        assertEquals(3, status.exitCode(), status::all);
    }

    @Test
    void aPartThatCannotStartStopsWhatWasStarted() {
        // The endpoint refuses it, after s3proxy started and while Kafka, launched first, is still starting.
        scripts.env.put("LOCAL_STACK_BUFFER_MB", "lots");
        Scripts.Result start = scripts.run("stack", "start", "--only", "kafka,s3proxy,firehose");
        assertEquals(1, start.exitCode(), start::all);
        assertTrue(start.out().contains("started s3proxy"), start::all);
        assertTrue(start.err().contains("stack: firehose exited during start-up"), start::all);
        assertTrue(start.err().contains("buffer-mb: not a number: lots"), start::all);
        assertTrue(
                start.err().contains("stack: start failed or was interrupted: stopping what it started"), start::all);
        assertTrue(start.out().contains("stopped kafka"), start::all);
        assertTrue(start.out().contains("stopped s3proxy"), start::all);
    }
}
