package io.streamingdata.msk.forwarder.bench;

import io.streamingdata.msk.forwarder.BatchPacker;
import io.streamingdata.msk.forwarder.ForwarderBeans;
import io.streamingdata.msk.forwarder.ForwarderConfig;
import io.streamingdata.msk.forwarder.ForwarderConfigCheck;
import io.streamingdata.msk.forwarder.ForwarderConfigs;
import io.streamingdata.msk.forwarder.ForwarderMetrics;
import io.streamingdata.msk.forwarder.ForwardingService;
import io.streamingdata.msk.forwarder.OutputFormat;
import io.streamingdata.msk.forwarder.RecordLineEncoder;
import io.streamingdata.msk.forwarder.deadletter.DeadLetters;
import io.streamingdata.msk.forwarder.delivery.CallPlanner;
import io.streamingdata.msk.forwarder.delivery.Deadline;
import io.streamingdata.msk.forwarder.delivery.PackedRecord;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.forwarder.delivery.Sleeper;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Pushes one MSK event through the forwarder's handler path in-process (Jackson reading the event, encoding,
 * packing, parallel PutRecordBatch calls with the real SDK) against local Firehose endpoints, and the same calls
 * issued by the bare SDK with the same parallelism: the limit. Prints handler time, records/s, the ratio to the
 * bare SDK, Firehose records and calls, and the peak RSS of this process.
 * <p>
 * Usage: {@code ForwarderBenchmark EVENT_FILE LABEL=ENDPOINT_URL... [--iterations N] [--output-format F]} (the
 * forwarder's {@code OUTPUT_FORMAT}, default {@code envelope})
 */
public final class ForwarderBenchmark {

    private static final String STREAM = "bench-stream";
    private static final int PARALLELISM = 4;

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int iterations = 15;
        String format = "envelope";
        List<String[]> endpoints = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--iterations")) {
                iterations = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--output-format")) {
                format = args[++i];
            } else {
                endpoints.add(args[i].split("=", 2));
            }
        }
        KafkaEventDecoder reader = new KafkaEventDecoder();
        int records = reader.decode(event).size();
        System.out.printf("event: %d records, %.2f MB%n", records, event.length / 1e6);
        System.out.printf(
                "%-10s %-11s %10s %10s %9s %10s %8s %6s%n",
                "latency", "aggregation", "handler ms", "records/s", "bare ms", "vs bare", "fh recs", "calls");
        // Quiet the EMF line the service prints per batch.
        PrintStream console = System.out;
        for (String[] endpoint : endpoints) {
            for (boolean aggregation : new boolean[] {true, false}) {
                ForwarderConfig config = ForwarderConfigs.fromEnvironment(Map.of(
                        "DELIVERY_STREAM_NAME",
                        STREAM,
                        "AWS_ENDPOINT_URL_FIREHOSE",
                        endpoint[1],
                        "AGGREGATION_ENABLED",
                        String.valueOf(aggregation),
                        "OUTPUT_FORMAT",
                        format));
                try (FirehoseClient client = ForwarderBeans.newFirehoseClient(config)) {
                    ExecutorService pool = ForwarderBeans.newCallPool(config.maxConcurrency());
                    ForwardingService service = ForwarderBeans.newForwardingService(
                            config,
                            client,
                            pool,
                            new DeadLetters(Optional.empty()),
                            ForwarderMetrics.STDOUT,
                            Sleeper.THREAD,
                            ForwarderBeans.newRetryPolicy(config));
                    System.setOut(new PrintStream(PrintStream.nullOutputStream()));
                    long[] handler = new long[iterations];
                    for (int i = -iterations; i < iterations; i++) {
                        long started = System.nanoTime();
                        service.forward(reader.decode(event), Deadline.in(60_000));
                        if (i >= 0) {
                            handler[i] = System.nanoTime() - started;
                        }
                    }
                    System.setOut(console);
                    List<List<PackedRecord>> plan = plan(reader.decode(event), format, aggregation);
                    List<PutRecordBatchRequest> requests = requests(plan);
                    long[] bare = new long[iterations];
                    for (int i = -iterations; i < iterations; i++) {
                        long started = System.nanoTime();
                        sendAll(client, pool, requests);
                        if (i >= 0) {
                            bare[i] = System.nanoTime() - started;
                        }
                    }
                    pool.shutdownNow();
                    double handlerMs = median(handler) / 1e6;
                    double bareMs = median(bare) / 1e6;
                    System.out.printf(
                            "%-10s %-11s %10.1f %10.0f %9.1f %9.2fx %8d %6d%n",
                            endpoint[0],
                            aggregation ? "on" : "off",
                            handlerMs,
                            records / (handlerMs / 1000),
                            bareMs,
                            handlerMs / bareMs,
                            plan.stream().mapToInt(List::size).sum(),
                            plan.size());
                } finally {
                    System.setOut(console);
                }
            }
        }
        System.out.printf(
                "peak RSS of this process: %d MB (max heap %d MB)%n",
                peakRssKb() / 1024, Runtime.getRuntime().maxMemory() / 1048576);
    }

    /** The same lines, packing and calls the service makes. */
    private static List<List<PackedRecord>> plan(KafkaBatch batch, String format, boolean aggregation) {
        BatchPacker packer = new BatchPacker(
                new RecordLineEncoder(OutputFormat.parse(format).orElseThrow()),
                new RecordPacker(aggregation, ForwarderConfigCheck.FIREHOSE_MAX_RECORD_BYTES));
        return CallPlanner.plan(packer.pack(batch).records(), PARALLELISM);
    }

    private static List<PutRecordBatchRequest> requests(List<List<PackedRecord>> plan) {
        List<PutRecordBatchRequest> requests = new ArrayList<>();
        for (List<PackedRecord> call : plan) {
            List<Record> entries = call.stream()
                    .map(r -> Record.builder()
                            .data(SdkBytes.fromByteArrayUnsafe(r.data()))
                            .build())
                    .toList();
            requests.add(PutRecordBatchRequest.builder()
                    .deliveryStreamName(STREAM)
                    .records(entries)
                    .build());
        }
        return requests;
    }

    private static void sendAll(FirehoseClient client, ExecutorService pool, List<PutRecordBatchRequest> requests)
            throws Exception {
        List<Future<?>> calls = new ArrayList<>();
        for (PutRecordBatchRequest request : requests) {
            calls.add(pool.submit(() -> client.putRecordBatch(request)));
        }
        for (Future<?> call : calls) {
            call.get();
        }
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
