package io.streamingdata.msk.forwarder.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.streamingdata.msk.firehose.local.FaultPlan;
import io.streamingdata.msk.firehose.local.LocalFirehose;
import io.streamingdata.msk.forwarder.Deliveries;
import io.streamingdata.msk.forwarder.ForwarderConfig;
import io.streamingdata.msk.forwarder.LocalAwsServices;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.StockTicks;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * Consumer mode: a polled batch on the {@code records} channel (in-memory connector) is forwarded like a Lambda
 * event. No native twin: the in-memory connector exists only inside the test JVM.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalAwsServices.class, restrictToAnnotatedClass = true)
class KafkaRecordsConsumerTest {

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ForwarderConfig config;

    @Test
    void shouldForwardEveryPolledRecordWithAValue() {
        LocalFirehose firehose = LocalAwsServices.firehose();
        firehose.reset(LocalAwsServices.STREAM);
        firehose.faults().failRecords(0.3, "ServiceUnavailableException");
        List<KafkaRecord> ticks = StockTicks.records(0, 300, 100, 3);

        connector.source("records").send(polled(ticks));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Deliveries.lines(firehose).size() >= 300);
        firehose.faults().clear();
        assertEquals(300, Deliveries.counts(Deliveries.lines(firehose)).size());
    }

    /**
     * The outage of the finding: Firehose refuses four times as many calls as FIREHOSE_MAX_ATTEMPTS allows, then
     * comes back. Consumer mode keeps retrying the same batch within RETRY_BUDGET_MS, so every record arrives.
     */
    @Test
    void shouldKeepRetryingPastTheAttemptsUntilFirehoseIsBack() {
        LocalFirehose firehose = LocalAwsServices.firehose();
        firehose.reset(LocalAwsServices.STREAM);
        int refused = 4 * config.maxAttempts();
        firehose.faults().failNextCalls(refused, 503, FaultPlan.SERVICE_UNAVAILABLE);
        List<KafkaRecord> ticks = StockTicks.records(0, 200, 100, 3);

        try {
            connector.source("records").send(polled(ticks));

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Deliveries.lines(firehose).size() >= 200);
        } finally {
            firehose.faults().clear();
        }
        assertTrue(firehose.stats(LocalAwsServices.STREAM).calls() > refused, "the refused calls, then the good one");
        assertEquals(200, Deliveries.counts(Deliveries.lines(firehose)).size());
    }

    private static ConsumerRecords<byte[], byte[]> polled(List<KafkaRecord> records) {
        Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> byPartition = new HashMap<>();
        for (KafkaRecord r : records) {
            RecordHeaders headers = new RecordHeaders();
            r.headers().forEach(h -> headers.add(h.name(), h.value()));
            byPartition
                    .computeIfAbsent(
                            new TopicPartition(
                                    r.topicPartition().topic(),
                                    r.topicPartition().partition()),
                            tp -> new ArrayList<>())
                    .add(new ConsumerRecord<>(
                            r.topicPartition().topic(),
                            r.topicPartition().partition(),
                            r.offset(),
                            r.timestamp(),
                            TimestampType.CREATE_TIME,
                            r.key().length,
                            r.value().length,
                            r.key(),
                            r.value(),
                            headers,
                            Optional.empty()));
        }
        return new ConsumerRecords<>(byPartition, Map.<TopicPartition, OffsetAndMetadata>of());
    }
}
