package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.streamingdata.msk.records.LambdaModeContract;
import io.streamingdata.msk.records.LogLines;
import org.junit.jupiter.api.Test;

/** consumer-logger in Lambda: no Kafka consumer in the package, events logged. */
@QuarkusTest
class LambdaModeTest extends LambdaModeContract {

    @Test
    void shouldHandleEventsFromTheEventSourceMapping() {
        LogLines lines = LogLines.capture(
                () -> ConsumerLoggerHandlerTest.invoke("msk-basic.json").statusCode(200));

        assertEquals(2, lines.ofType("record").size());
    }
}
