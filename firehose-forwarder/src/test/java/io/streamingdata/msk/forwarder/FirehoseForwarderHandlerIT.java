package io.streamingdata.msk.forwarder;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.streamingdata.msk.records.LogLines;
import java.nio.file.Path;

/** Native twin: the same tests against the packaged function ({@code ./mvnw verify -Pnative}). */
@QuarkusIntegrationTest
class FirehoseForwarderHandlerIT extends FirehoseForwarderHandlerTest {

    @Override
    protected LogLines outputDuring(Runnable action) {
        return LogLines.captureFile(Path.of("target", "quarkus.log"), action, "metrics");
    }
}
