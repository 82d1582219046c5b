package io.streamingdata.msk.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A test handler that takes {@code WORK_MS} per invocation and appends when it started and ended to the file
 * {@code INTERVALS} names, in {@link System#nanoTime()}: on Linux the monotonic clock all processes share, so the
 * intervals of two runtime processes can be compared.
 */
public final class IntervalHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        long started = System.nanoTime();
        event.readAllBytes();
        try {
            Thread.sleep(Long.parseLong(System.getenv("WORK_MS")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        long ended = System.nanoTime();
        Files.writeString(
                Path.of(System.getenv("INTERVALS")),
                started + " " + ended + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        answer.write("{}".getBytes(StandardCharsets.US_ASCII));
    }
}
