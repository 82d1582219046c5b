package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.streamingdata.msk.records.EventFixtures;
import io.streamingdata.msk.records.consumer.LambdaModeContract;
import org.junit.jupiter.api.Test;

/** firehose-forwarder inside Lambda: no Kafka consumer, events still forwarded. */
@QuarkusTest
@TestProfile(LambdaModeContract.InsideLambda.class)
@QuarkusTestResource(value = LocalAwsServices.class, restrictToAnnotatedClass = true)
class LambdaModeTest extends LambdaModeContract {

    @Test
    void shouldStillForwardEventsFromTheEventSourceMapping() {
        LocalAwsServices.firehose().reset(LocalAwsServices.STREAM);

        FirehoseForwarderHandlerTest.invoke(EventFixtures.bytes("msk-basic.json"))
                .statusCode(200);

        assertEquals(1, Deliveries.lines(LocalAwsServices.firehose()).size());
        assertTrue(kafkaClients.getConsumerChannels().isEmpty());
    }
}
