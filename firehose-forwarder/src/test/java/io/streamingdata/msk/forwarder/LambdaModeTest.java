package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.LambdaModeContract;
import org.junit.jupiter.api.Test;

/** firehose-forwarder in Lambda: no Kafka consumer in the package, events forwarded. */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsServices.class, restrictToAnnotatedClass = true)
class LambdaModeTest extends LambdaModeContract {

    @Test
    void shouldForwardEventsFromTheEventSourceMapping() {
        LocalAwsServices.firehose().reset(LocalAwsServices.STREAM);

        FirehoseForwarderHandlerTest.invoke(EventFixtures.bytes("msk-basic.json"))
                .statusCode(200);

        assertEquals(1, Deliveries.lines(LocalAwsServices.firehose()).size());
    }
}
