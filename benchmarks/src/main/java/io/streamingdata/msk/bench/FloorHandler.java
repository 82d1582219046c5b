package io.streamingdata.msk.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.FirehoseClientBuilder;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * The floor of the forwarder benchmark: a handler that does nothing but issue the PutRecordBatch calls the forwarder
 * makes for the event, with the same SDK client settings and parallelism. The calls are worked out once, from the
 * first event; every invocation then reads the event and sends them, so its time is the SDK's and the wire's alone.
 */
public final class FloorHandler implements RequestStreamHandler {

    private static final FirehoseClient CLIENT = newClient();
    private static final int PARALLELISM = intSetting("FIREHOSE_MAX_CONCURRENCY", 4);
    private static final ExecutorService CALLERS = Executors.newFixedThreadPool(PARALLELISM, runnable -> {
        Thread thread = new Thread(runnable, "floor-caller");
        thread.setDaemon(true);
        return thread;
    });

    private volatile List<PutRecordBatchRequest> requests;

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        if (requests == null) {
            requests = requests(FloorPlan.calls(
                    event, outputFormat(), intSetting("AGGREGATION_MAX_BYTES", 1_024_000), PARALLELISM));
        }
        List<Future<PutRecordBatchResponse>> calls = new ArrayList<>();
        for (PutRecordBatchRequest request : requests) {
            calls.add(CALLERS.submit(() -> CLIENT.putRecordBatch(request)));
        }
        int failed = 0;
        for (Future<PutRecordBatchResponse> call : calls) {
            try {
                failed += call.get().failedPutCount();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IOException("a PutRecordBatch call failed", e.getCause());
            }
        }
        if (failed > 0) {
            throw new IOException(failed + " records were refused");
        }
        output.write(("{\"calls\":" + calls.size() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static List<PutRecordBatchRequest> requests(List<List<byte[]>> plan) {
        String stream = System.getenv("DELIVERY_STREAM_NAME");
        List<PutRecordBatchRequest> requests = new ArrayList<>();
        for (List<byte[]> call : plan) {
            List<Record> records = new ArrayList<>();
            for (byte[] data : call) {
                records.add(Record.builder()
                        .data(SdkBytes.fromByteArrayUnsafe(data))
                        .build());
            }
            requests.add(PutRecordBatchRequest.builder()
                    .deliveryStreamName(stream)
                    .records(records)
                    .build());
        }
        return requests;
    }

    private static FirehoseClient newClient() {
        // As the forwarder builds its client: Amazon Corretto Crypto Provider first where it is there and loads (the
        // benchmark puts the forwarder package's jar on the floor's class path), the JDK HTTP client, no SDK retries,
        // and the same time limit per attempt (FIREHOSE_CALL_TIMEOUT_MS, whose timer the SDK sets for every call).
        installCryptoProvider();
        FirehoseClientBuilder builder = FirehoseClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(c -> c.retryStrategy(DefaultRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(Duration.ofMillis(intSetting("FIREHOSE_CALL_TIMEOUT_MS", 10_000))));
        String endpoint = System.getenv("AWS_ENDPOINT_URL_FIREHOSE");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    private static void installCryptoProvider() {
        try {
            Class<?> type = Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider");
            Provider provider = (Provider) type.getField("INSTANCE").get(null);
            Object loadingError = type.getMethod("getLoadingError").invoke(provider);
            if (loadingError == null) {
                Security.insertProviderAt(provider, 1);
            } else {
                System.err.println("FloorHandler: the crypto provider did not load: " + loadingError);
            }
        } catch (ClassNotFoundException absent) {
            // not on the class path: the JDK's providers, as the forwarder without the jar
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the crypto provider is on the class path but unusable", e);
        }
    }

    /** The forwarder's {@code OUTPUT_FORMAT}, with its default. */
    private static String outputFormat() {
        String value = System.getenv("OUTPUT_FORMAT");
        return value == null || value.isBlank() ? "envelope" : value.trim();
    }

    private static int intSetting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
