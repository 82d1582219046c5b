package io.streamingdata.msk.bench;

import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the shared event decoder alone on an event file, in this JVM (run it with the runtime's flags to see what
 * Lambda's C1-only JIT makes of it). Usage: {@code DecodeBenchmark EVENT_FILE [WARMUP] [ITERATIONS]}.
 */
public final class DecodeBenchmark {

    private DecodeBenchmark() {}

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        KafkaEventDecoder decoder = new KafkaEventDecoder();
        int records = 0;
        for (int i = 0; i < warmup; i++) {
            records = decoder.decode(event).size();
        }
        // CPU time as well as wall time: on a shared machine the wall time includes waiting for a core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] times = new double[iterations];
        double[] cpu = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long started = System.nanoTime();
            long startedCpu = threads.getCurrentThreadCpuTime();
            KafkaBatch batch = decoder.decode(event);
            cpu[i] = (threads.getCurrentThreadCpuTime() - startedCpu) / 1e6;
            times[i] = (System.nanoTime() - started) / 1e6;
            records = batch.size();
        }
        Percentiles p = Percentiles.of(times);
        Percentiles c = Percentiles.of(cpu);
        System.out.printf(
                Locale.ROOT,
                "decode: %d records, median %.1f ms (min %.1f, p90 %.1f), CPU median %.1f ms (min %.1f)%n",
                records,
                p.median(),
                p.min(),
                p.p90(),
                c.median(),
                c.min());
    }
}
