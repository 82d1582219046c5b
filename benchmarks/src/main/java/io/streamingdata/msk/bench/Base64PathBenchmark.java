package io.streamingdata.msk.bench;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.streamingdata.msk.records.Json;
import io.streamingdata.msk.records.internal.Base64Canonical;
import io.streamingdata.msk.records.internal.EventJsonParser;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Compares ways of getting the bytes of every base64 key and value out of an event while parsing it, interleaved in
 * one JVM so that a busy machine affects them alike; CPU time per pass. Run it with the runtime's flags.
 * Usage: {@code Base64PathBenchmark EVENT_FILE [ROUNDS]}.
 */
public final class Base64PathBenchmark {

    private static final JsonFactory JSON = new JsonFactory();

    private enum Path64 {
        STRING_THEN_JDK,
        JACKSON_BINARY_VALUE,
        EVENT_BYTES_THEN_JDK,
        SKIPPED_THEN_CANONICAL,
        DECODED_IN_PLACE
    }

    private Base64PathBenchmark() {}

    public static void main(String[] args) throws Exception {
        byte[] event = Files.readAllBytes(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Path64[] paths = Path64.values();
        double[][] cpu = new double[paths.length][rounds];
        long check = 0;
        for (int round = -10; round < rounds; round++) {
            for (int k = 0; k < paths.length; k++) {
                long started = threads.getCurrentThreadCpuTime();
                check += pass(event, paths[k]);
                if (round >= 0) {
                    cpu[k][round] = (threads.getCurrentThreadCpuTime() - started) / 1e6;
                }
            }
        }
        for (int k = 0; k < paths.length; k++) {
            Percentiles p = Percentiles.of(cpu[k]);
            System.out.printf(Locale.ROOT, "%-22s CPU median %.1f ms (min %.1f)%n", paths[k], p.median(), p.min());
        }
        System.out.println("(checksum " + check + ")");
    }

    private static long pass(byte[] event, Path64 path) throws IOException {
        long sum = 0;
        // the decoder's own factory for the path the decoder takes, Jackson's for the others
        try (JsonParser p = (path == Path64.DECODED_IN_PLACE ? Json.EVENTS : JSON).createParser(event)) {
            int depth = 0;
            int pendingQuote = -1;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (pendingQuote >= 0) {
                    // as the decoder does: the string was skipped; the token after it shows where it closed
                    int close = (int) p.currentTokenLocation().getByteOffset() - 1;
                    while (event[close] != '"') {
                        close--;
                    }
                    sum += Base64Canonical.decode(event, pendingQuote + 1, close - pendingQuote - 1).length;
                    pendingQuote = -1;
                }
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME
                        && depth == 4
                        && (p.currentName().equals("value") || p.currentName().equals("key"))) {
                    if (p.nextToken() == JsonToken.VALUE_STRING) {
                        if (path == Path64.SKIPPED_THEN_CANONICAL) {
                            pendingQuote = (int) p.currentTokenLocation().getByteOffset();
                            continue;
                        }
                        byte[] bytes = switch (path) {
                            case STRING_THEN_JDK -> Base64.getDecoder().decode(p.getText());
                            case JACKSON_BINARY_VALUE -> p.getBinaryValue(Base64Variants.MIME_NO_LINEFEEDS);
                            case EVENT_BYTES_THEN_JDK -> {
                                int start = (int) p.currentTokenLocation().getByteOffset() + 1;
                                int end = start;
                                while (event[end] != '"') {
                                    end++;
                                }
                                ByteBuffer out = Base64.getDecoder().decode(ByteBuffer.wrap(event, start, end - start));
                                yield out.array();
                            }
                            case DECODED_IN_PLACE -> EventJsonParser.decodeBase64InPlace(p);
                            default -> throw new IllegalStateException(path.toString());
                        };
                        sum += bytes.length;
                    }
                }
            }
        }
        return sum;
    }
}
