package io.streamingdata.msk.forwarder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.deadletter.InMemoryDeadLetterStore;
import io.streamingdata.msk.forwarder.delivery.RetryPolicy;
import io.streamingdata.msk.forwarder.delivery.Sleeper;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.lambda.PrimingEvent;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/** The SnapStart hooks, called as the Lambda runtime calls them around a snapshot. */
class SnapStartPrimingTest {

    @Test
    void shouldBundleAnEventWithEveryKindOfRecord() {
        KafkaBatch batch = PrimingEvent.decode();

        List<KafkaRecord> records = batch.records();
        assertEquals(4, records.size());
        assertTrue(batch.undecodable().isEmpty());
        assertTrue(records.stream().anyMatch(KafkaRecord::isTombstone));
        assertTrue(records.stream().anyMatch(record -> !record.headers().isEmpty()));
    }

    @Test
    void shouldWarmTheForwardingPathWithoutOpeningAConnection() throws Exception {
        // The client resolves a region when it is built, as in Lambda, where AWS_REGION is always set.
        System.setProperty("aws.region", System.getProperty("aws.region", "us-east-1"));
        try (ServerSocket firehose = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ForwarderConfig config = ForwarderConfigs.fromEnvironment(Map.of(
                    "DELIVERY_STREAM_NAME",
                    "demo-stream",
                    "AWS_ENDPOINT_URL_FIREHOSE",
                    "http://127.0.0.1:" + firehose.getLocalPort()));
            InMemoryDeadLetterStore store = new InMemoryDeadLetterStore();
            List<ForwardSummary> metrics = new ArrayList<>();
            ExecutorService callers = ForwarderBeans.newCallPool(2);
            try (FirehoseClient client = ForwarderBeans.newFirehoseClient(config)) {
                RetryPolicy retryPolicy = ForwarderBeans.newRetryPolicy(config);
                ForwardingService service = ForwarderBeans.newForwardingService(
                        config,
                        client,
                        callers,
                        new DeadLetters(Optional.of(store)),
                        (stream, summary) -> metrics.add(summary),
                        Sleeper.THREAD,
                        retryPolicy);

                new SnapStartPriming(() -> service, retryPolicy).beforeCheckpoint(null);
                assertEquals(
                        1,
                        service.warmUp(PrimingEvent.decode()),
                        "the warm-up packs the bundled event's four envelope lines into one Firehose record");

                firehose.setSoTimeout(300);
                assertThrows(SocketTimeoutException.class, firehose::accept, "priming must not call Firehose");
                assertTrue(store.parked().isEmpty(), "priming parks nothing");
                assertTrue(metrics.isEmpty(), "priming publishes no metrics");
            } finally {
                callers.shutdownNow();
            }
        }
    }

    @Test
    void shouldGiveTheJitterASeedOfItsOwnAfterARestore() {
        RetryPolicy restored = new RetryPolicy(10, 50, 500, 0, new SplittableRandom(7));
        RetryPolicy snapshot = new RetryPolicy(10, 50, 500, 0, new SplittableRandom(7));
        assertEquals(
                waits(snapshot),
                waits(new RetryPolicy(10, 50, 500, 0, new SplittableRandom(7))),
                "environments restored from one snapshot share its generator state");

        new SnapStartPriming(() -> null, restored).afterRestore(null);

        assertNotEquals(waits(snapshot), waits(restored));
    }

    private static List<Long> waits(RetryPolicy policy) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            waits.add(policy.backoffMillis(8));
        }
        return waits;
    }
}
