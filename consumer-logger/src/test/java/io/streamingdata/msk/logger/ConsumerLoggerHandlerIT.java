package io.streamingdata.msk.logger;

import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Native twin: the same tests against the packaged function (run by {@code ./mvnw verify -Pnative} where a native
 * build is possible). The function runs in its own process, whose output Quarkus writes to {@code target/quarkus.log}.
 */
@QuarkusIntegrationTest
class ConsumerLoggerHandlerIT extends ConsumerLoggerHandlerTest {

    private static final Path OUTPUT = Path.of("target", "quarkus.log");

    @Override
    protected LogLines logLinesDuring(Runnable action) {
        int before = read().length;
        action.run();
        await().atMost(Duration.ofSeconds(10)).until(() -> !newLines(before).ofType("batch").isEmpty());
        return newLines(before);
    }

    private static LogLines newLines(int from) {
        byte[] all = read();
        return LogLines.parse(new String(Arrays.copyOfRange(all, from, all.length), StandardCharsets.UTF_8));
    }

    private static byte[] read() {
        try {
            return Files.exists(OUTPUT) ? Files.readAllBytes(OUTPUT) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
