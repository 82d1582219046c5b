package io.streamingdata.msk.logger;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.streamingdata.msk.records.LogLines;
import java.nio.file.Path;

/**
 * Native twin: the same tests against the packaged function (run by {@code ./mvnw verify -Pnative} where a native
 * build is possible). The function runs in its own process, whose output Quarkus writes to {@code target/quarkus.log}.
 */
@QuarkusIntegrationTest
class ConsumerLoggerHandlerIT extends ConsumerLoggerHandlerTest {

    @Override
    protected LogLines logLinesDuring(Runnable action) {
        return LogLines.captureFile(Path.of("target", "quarkus.log"), action, "batch");
    }
}
