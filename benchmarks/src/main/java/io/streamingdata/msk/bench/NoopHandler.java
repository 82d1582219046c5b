package io.streamingdata.msk.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The runtime floor of the logger benchmark: a handler that reads the event and answers with its size, nothing
 * else. Under the Java runtime client it takes what every Java function pays per invocation before its own work (the
 * event's transfer, the runtime client's handling of it, the answer), so a function's time minus this is its own.
 */
public final class NoopHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        long bytes = event.readAllBytes().length;
        answer.write(("{\"bytes\":" + bytes + "}").getBytes(StandardCharsets.US_ASCII));
    }
}
