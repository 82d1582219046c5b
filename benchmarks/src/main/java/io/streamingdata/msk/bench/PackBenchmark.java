package io.streamingdata.msk.bench;

import io.streamingdata.msk.forwarder.BatchPacker;
import io.streamingdata.msk.forwarder.OutputFormat;
import io.streamingdata.msk.forwarder.RecordLineEncoder;
import io.streamingdata.msk.forwarder.delivery.RecordPacker;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the forwarder's packing step (every record's envelope written into the Firehose records it joins, with
 * aggregation, as deployed) on an event decoded once, in this JVM (run it with the runtime's flags,
 * {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC}, for what Lambda's C1-only JIT makes of it): CPU time and the bytes
 * allocated per batch. Usage: {@code PackBenchmark EVENT_FILE [WARMUP] [ITERATIONS]}.
 */
public final class PackBenchmark {

    private PackBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("Usage: PackBenchmark EVENT_FILE [WARMUP] [ITERATIONS]");
            System.exit(args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")) ? 0 : 2);
        }
        KafkaBatch batch = new KafkaEventDecoder().decode(Files.readAllBytes(Path.of(args[0])));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        BatchPacker packer =
                new BatchPacker(new RecordLineEncoder(OutputFormat.ENVELOPE), new RecordPacker(true, 1_024_000));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        double[] cpuMs = new double[iterations];
        double[] allocatedMb = new double[iterations];
        long records = 0;
        for (int i = -warmup; i < iterations; i++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long cpu = threads.getCurrentThreadCpuTime();
            records += packer.pack(batch).records().size();
            if (i >= 0) {
                cpuMs[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
                allocatedMb[i] = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1e6;
            }
        }
        Percentiles cpu = Percentiles.of(cpuMs);
        System.out.printf(
                Locale.ROOT,
                "pack: %d records into %d Firehose records per batch, CPU median %.2f ms (min %.2f, p90 %.2f),"
                        + " allocated %.1f MB per batch%n",
                batch.size(),
                records / (warmup + iterations),
                cpu.median(),
                cpu.min(),
                cpu.p90(),
                Percentiles.of(allocatedMb).median());
    }
}
