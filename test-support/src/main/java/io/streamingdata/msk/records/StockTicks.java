package io.streamingdata.msk.records;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated stock ticks (the original solution's sample data) as Kafka records and as MSK events, for tests and
 * benchmarks. Values are JSON padded to a fixed size; each record carries its sequence number in a header and in the
 * value, so a test can tell exactly which records arrived.
 */
public final class StockTicks {

    public static final String TOPIC = "ExampleTopic";
    public static final String CLUSTER_ARN =
            "arn:aws:kafka:us-east-1:123456789012:cluster/bench/0b1c2d3e-1111-2222-3333-444455556666-2";
    private static final String[] TICKERS = {"AAPL", "AMZN", "MSFT", "INTC", "TBV"};

    private StockTicks() {}

    /**
     * @param first sequence number of the first record; record i goes to partition i % partitions, with offsets
     *     counting up per partition from {@code 1_000_000 + first / partitions}
     */
    public static List<KafkaRecord> records(int first, int count, int valueBytes, int partitions) {
        SplittableRandom random = new SplittableRandom(42L + first);
        List<KafkaRecord> batch = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            String ticker = TICKERS[random.nextInt(TICKERS.length)];
            StringBuilder value = new StringBuilder(valueBytes)
                    .append("{\"seq\":")
                    .append(i)
                    .append(",\"event_time\":\"2026-11-25T20:01:01.123\",\"ticker\":\"")
                    .append(ticker)
                    .append("\",\"price\":")
                    .append(random.nextInt(10000) / 100.0)
                    .append(",\"note\":\"");
            while (value.length() < valueBytes - 2) {
                value.append((char) ('a' + random.nextInt(26)));
            }
            value.append("\"}");
            batch.add(new KafkaRecord(
                    new TopicPartition(TOPIC, i % partitions),
                    1_000_000L + i / partitions,
                    1764100800000L + i,
                    TimestampType.CREATE_TIME,
                    ticker.getBytes(StandardCharsets.UTF_8),
                    value.toString().getBytes(StandardCharsets.UTF_8),
                    List.of(
                            new KafkaHeader("source", "test".getBytes(StandardCharsets.UTF_8)),
                            new KafkaHeader("seq", Integer.toString(i).getBytes(StandardCharsets.UTF_8)))));
        }
        return batch;
    }

    /** An MSK event of {@code count} ticks, as the event source mapping would send it. */
    public static byte[] event(int count, int valueBytes, int partitions) {
        return event(records(0, count, valueBytes, partitions));
    }

    public static byte[] event(List<KafkaRecord> records) {
        return new KafkaEventEncoder()
                .encode(EventSource.MSK, CLUSTER_ARN, "b-1.bench.kafka.us-east-1.amazonaws.com:9098", records);
    }
}
