package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamingdata.msk.records.LogLines;
import io.streamingdata.msk.records.consumer.LambdaModeContract;
import org.junit.jupiter.api.Test;

/** consumer-logger inside Lambda: no Kafka consumer, events still logged. */
@QuarkusTest
@TestProfile(LambdaModeContract.InsideLambda.class)
class LambdaModeTest extends LambdaModeContract {

    @Test
    void shouldStillHandleEventsFromTheEventSourceMapping() {
        LogLines lines = LogLines.capture(
                () -> ConsumerLoggerHandlerTest.invoke("msk-basic.json").statusCode(200));

        assertEquals(2, lines.ofType("record").size());
        assertTrue(kafkaClients.getConsumerChannels().isEmpty());
    }
}
