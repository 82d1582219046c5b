package io.streamingdata.msk.localstack;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The original solution's sample producer, in Java: random stock ticks {@code {"event_time","ticker","price"}} keyed
 * by ticker. Each record also carries headers {@code run} (this run's id), {@code seq} (0, 1, 2, ... within the run)
 * and {@code source}, so the verifier can tell exactly which records reached the logger and S3.
 */
public final class StockTickProducer {

    static final List<String> TICKERS = List.of("AAPL", "AMZN", "MSFT", "INTC", "TBV");
    static final DateTimeFormatter EVENT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final ProducerOptions options;
    private final SplittableRandom random;

    StockTickProducer(ProducerOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed() + options.firstSeq());
    }

    public static void main(String[] args) {
        ProducerOptions options;
        try {
            options = ProducerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("produce: " + e.getMessage());
            System.err.println("Run with --help for usage.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(ProducerOptions.USAGE);
            System.exit(0);
        }
        try {
            Result result = new StockTickProducer(options).run();
            System.exit(result.failed() == 0 ? 0 : 1);
        } catch (RuntimeException e) {
            System.err.println("produce: " + e.getMessage());
            System.exit(1);
        }
    }

    /** A tick as the original's Python sample writes it. */
    String tick(String ticker, LocalDateTime eventTime) {
        double price = random.nextInt(10_001) / 100.0;
        return "{\"event_time\":\"" + EVENT_TIME.format(eventTime) + "\",\"ticker\":\"" + ticker + "\",\"price\":"
                + String.format(java.util.Locale.ROOT, "%.2f", price) + "}";
    }

    Result run() {
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        long started = System.nanoTime();
        long count = options.count();
        long lastReport = started;
        long sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProperties())) {
            checkConnection(producer);
            Runtime.getRuntime().addShutdownHook(new Thread(producer::flush, "produce-flush"));
            for (long i = 0; count == 0 || i < count; i++) {
                pace(started, i);
                long seq = options.firstSeq() + i;
                String ticker = TICKERS.get(random.nextInt(TICKERS.size()));
                byte[] value = tick(ticker, LocalDateTime.now(ZoneOffset.UTC)).getBytes(StandardCharsets.UTF_8);
                List<Header> headers = List.of(
                        header("run", options.runId()),
                        header("seq", Long.toString(seq)),
                        header("source", "stock-tick-producer"));
                producer.send(
                        new ProducerRecord<>(
                                options.topic(), null, null, ticker.getBytes(StandardCharsets.UTF_8), value, headers),
                        (metadata, error) -> {
                            if (error == null) {
                                acked.incrementAndGet();
                            } else {
                                failed.incrementAndGet();
                                firstError.compareAndSet(null, error);
                            }
                        });
                sent++;
                long now = System.nanoTime();
                if (!options.quiet() && now - lastReport >= TimeUnit.SECONDS.toNanos(options.progressSeconds())) {
                    lastReport = now;
                    System.out.printf(
                            "produce: sent %d%s, acked %d%n", sent, count == 0 ? "" : "/" + count, acked.get());
                }
            }
            producer.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Result result = new Result(sent, acked.get(), failed.get(), seconds);
        System.out.printf(
                java.util.Locale.ROOT,
                "produce: topic=%s run=%s produced=%d acked=%d failed=%d in %.1f s (%.0f records/s)%n",
                options.topic(),
                options.runId(),
                result.sent(),
                result.acked(),
                result.failed(),
                seconds,
                result.acked() / Math.max(seconds, 0.001));
        if (firstError.get() != null) {
            System.err.println("produce: first send error: " + firstError.get());
        }
        return result;
    }

    private void checkConnection(KafkaProducer<byte[], byte[]> producer) {
        try {
            producer.partitionsFor(options.topic());
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException(
                    "no Kafka broker answered at " + options.bootstrapServers() + " within "
                            + options.connectTimeoutMs() / 1000 + " s (is the stack running? scripts/stack status)",
                    e);
        }
    }

    /** Sleeps so that record {@code seq} is sent no earlier than {@code seq / rate} seconds after the start. */
    private void pace(long started, long seq) {
        if (options.rate() <= 0) {
            return;
        }
        long due = started + (long) (seq * 1e9 / options.rate());
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "stock-tick-producer");
        // Long enough to ride out a broker restart; the first metadata fetch is bounded by max.block.ms.
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "120000");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(options.connectTimeoutMs()));
        return p;
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    record Result(long sent, long acked, long failed, double seconds) {}
}
