package io.streamingdata.msk.bench;

import com.fasterxml.jackson.core.JsonParser;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.Json;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.KafkaHeader;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the payload classification both functions run on every key, value and header of an event, in this JVM (run
 * it with the runtime's flags, {@code -XX:TieredStopAtLevel=1}, for what Lambda's C1-only JIT makes of it), next to
 * what Jackson takes just to parse the same values, the check that classification would otherwise need. CPU time per
 * batch. Usage: {@code ClassifyBenchmark EVENT_FILE [WARMUP] [ITERATIONS]}.
 */
public final class ClassifyBenchmark {

    private ClassifyBenchmark() {}

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<byte[]> values = new ArrayList<>();
        List<byte[]> small = new ArrayList<>();
        for (BatchEntry entry : new KafkaEventDecoder().decode(event).entries()) {
            if (entry instanceof KafkaRecord record) {
                if (record.value() != null) {
                    values.add(record.value());
                }
                if (record.key() != null) {
                    small.add(record.key());
                }
                for (KafkaHeader header : record.headers()) {
                    if (header.value() != null) {
                        small.add(header.value());
                    }
                }
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] classifyValues = new double[iterations];
        double[] classifySmall = new double[iterations];
        double[] parseValues = new double[iterations];
        long sink = 0;
        for (int i = -warmup; i < iterations; i++) {
            long t0 = threads.getCurrentThreadCpuTime();
            sink += classify(values);
            long t1 = threads.getCurrentThreadCpuTime();
            sink += classify(small);
            long t2 = threads.getCurrentThreadCpuTime();
            sink += parse(values);
            long t3 = threads.getCurrentThreadCpuTime();
            if (i >= 0) {
                classifyValues[i] = (t1 - t0) / 1e6;
                classifySmall[i] = (t2 - t1) / 1e6;
                parseValues[i] = (t3 - t2) / 1e6;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "classify: %d values %.1f ms, %d keys and headers %.1f ms; Jackson parsing the values %.1f ms"
                        + " (CPU medians per batch, checksum %d)%n",
                values.size(),
                Percentiles.of(classifyValues).median(),
                small.size(),
                Percentiles.of(classifySmall).median(),
                Percentiles.of(parseValues).median(),
                sink);
    }

    private static long classify(List<byte[]> payloads) {
        long sum = 0;
        for (byte[] payload : payloads) {
            sum += PayloadFormat.classify(payload, payload.length).format().ordinal();
        }
        return sum;
    }

    private static long parse(List<byte[]> payloads) throws IOException {
        long tokens = 0;
        for (byte[] payload : payloads) {
            try (JsonParser parser = Json.FACTORY.createParser(payload)) {
                while (parser.nextToken() != null) {
                    tokens++;
                }
            } catch (IOException notJson) {
                tokens--;
            }
        }
        return tokens;
    }
}
