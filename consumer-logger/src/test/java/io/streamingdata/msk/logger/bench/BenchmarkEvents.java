package io.streamingdata.msk.logger.bench;

import io.streamingdata.msk.records.EventSource;
import io.streamingdata.msk.records.KafkaEventEncoder;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Builds the benchmark event: stock ticks padded to a fixed value size, spread over partitions like a real batch. */
public final class BenchmarkEvents {

    private static final String[] TICKERS = {"AAPL", "AMZN", "MSFT", "INTC", "TBV"};

    private BenchmarkEvents() {
    }

    public static byte[] stockTickEvent(int records, int valueBytes, int partitions) {
        SplittableRandom random = new SplittableRandom(42);
        List<KafkaRecord> batch = new ArrayList<>(records);
        for (int i = 0; i < records; i++) {
            String ticker = TICKERS[random.nextInt(TICKERS.length)];
            String tick = "{\"event_time\":\"2026-11-25T20:01:01.123\",\"ticker\":\"" + ticker + "\",\"price\":"
                    + (random.nextInt(10000) / 100.0) + ",\"note\":\"";
            StringBuilder value = new StringBuilder(valueBytes).append(tick);
            while (value.length() < valueBytes - 2) {
                value.append((char) ('a' + random.nextInt(26)));
            }
            value.append("\"}");
            int partition = i % partitions;
            batch.add(new KafkaRecord(new TopicPartition("ExampleTopic", partition), 1_000_000L + i / partitions,
                    1764100800000L + i, TimestampType.CREATE_TIME, ticker.getBytes(StandardCharsets.UTF_8),
                    value.toString().getBytes(StandardCharsets.UTF_8),
                    List.of(new KafkaHeader("source", "bench".getBytes(StandardCharsets.UTF_8)),
                            new KafkaHeader("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8)))));
        }
        return new KafkaEventEncoder().encode(EventSource.MSK,
                "arn:aws:kafka:us-east-1:123456789012:cluster/bench/0b1c2d3e-1111-2222-3333-444455556666-2",
                "b-1.bench.kafka.us-east-1.amazonaws.com:9098", batch);
    }
}
