package io.streamingdata.msk.logger.bench;

import io.streamingdata.msk.logger.LogSummary;
import io.streamingdata.msk.logger.LoggerConfig;
import io.streamingdata.msk.logger.RecordLoggingService;
import io.streamingdata.msk.logger.StdoutLogSink;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Pushes one MSK event through the handler path in-process, as the Lambda runtime does: Jackson reads the event
 * into a {@link KafkaBatch} and the logging service writes its lines to standard output, redirected to a file
 * with one write per line. Prints records/s, bytes/s and the peak heap after warm-up.
 * <p>
 * Usage: {@code LoggerBenchmark EVENT_FILE LOG_FILE [WARMUP] [ITERATIONS]}
 */
public final class LoggerBenchmark {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LoggerBenchmark EVENT_FILE LOG_FILE [WARMUP] [ITERATIONS]");
            System.exit(2);
        }
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        KafkaEventDecoder reader = new KafkaEventDecoder();
        RecordLoggingService service = new RecordLoggingService(new StdoutLogSink(), new LoggerConfig() {
            @Override
            public int maxValueBytes() {
                return 8192;
            }

            @Override
            public int maxKeyBytes() {
                return 1024;
            }

            @Override
            public int maxLineBytes() {
                return 256_000;
            }
        });

        PrintStream console = System.out;
        long[] nanos = new long[iterations];
        int records = 0;
        long bytes = 0;
        try (PrintStream logFile = new PrintStream(new FileOutputStream(args[1]), false, StandardCharsets.UTF_8)) {
            System.setOut(logFile);
            for (int i = 0; i < warmup; i++) {
                service.log(reader.decode(event));
            }
            System.gc();
            resetPeaks();
            for (int i = 0; i < iterations; i++) {
                long started = System.nanoTime();
                KafkaBatch batch = reader.decode(event);
                LogSummary summary = service.log(batch);
                nanos[i] = System.nanoTime() - started;
                records = summary.records();
                bytes = summary.bytes();
            }
        } finally {
            System.setOut(console);
        }
        Arrays.sort(nanos);
        double medianSeconds = nanos[iterations / 2] / 1e9;
        System.out.printf(
                "consumer-logger (Java, in-process): event %.2f MB, %d records, median %.1f ms, best %.1f ms%n",
                event.length / 1e6, records, medianSeconds * 1e3, nanos[0] / 1e6);
        System.out.printf(
                "  records/s %.0f   payload bytes/s %.1f MB   event bytes/s %.1f MB   peak heap %.0f MB"
                        + " (max %d MB)%n",
                records / medianSeconds,
                bytes / medianSeconds / 1e6,
                event.length / medianSeconds / 1e6,
                peakHeapBytes() / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576);
        System.out.printf(
                "RESULT java_records_per_s=%.0f java_peak_heap_mb=%.0f%n",
                records / medianSeconds, peakHeapBytes() / 1048576.0);
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of each heap pool's peak: an upper bound of the heap in use at any moment. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
