package io.streamingdata.msk.forwarder;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.streamingdata.msk.firehose.local.LocalFirehose;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The real parts the forwarder talks to in tests: the project's Firehose-compatible endpoint and an S3-compatible
 * server (s3proxy, in-process), both on loopback, reached by the real AWS SDK over HTTP.
 */
public class LocalAwsServices implements QuarkusTestResourceLifecycleManager {

    public static final String STREAM = "demo-stream";
    public static final String DEAD_LETTER_BUCKET = "dead-letters";
    private static final String KEY = "test-key";
    private static final String SECRET = "test-secret";

    private static LocalFirehose firehose;
    private static S3Proxy s3proxy;
    private static S3Client s3;

    @Override
    public Map<String, String> start() {
        try {
            firehose = LocalFirehose.builder().port(0).stream(STREAM)
                    .seed(42)
                    .build()
                    .start();
            BlobStoreContext blobs = ContextBuilder.newBuilder("transient")
                    .credentials(KEY, SECRET)
                    .build(BlobStoreContext.class);
            s3proxy = S3Proxy.builder()
                    .blobStore(blobs.getBlobStore())
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, KEY, SECRET)
                    .build();
            s3proxy.start();
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> AbstractLifeCycle.STARTED.equals(s3proxy.getState()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the local AWS services", e);
        }
        String s3Endpoint = "http://127.0.0.1:" + s3proxy.getPort();
        s3 = S3Client.builder()
                .endpointOverride(URI.create(s3Endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // s3proxy 3.0.0 answers 501 to the SDK's optional flexible-checksum headers.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .build();
        s3.createBucket(b -> b.bucket(DEAD_LETTER_BUCKET));
        // The Firehose client uses the SDK's default chains, as in Lambda: give them a region and credentials.
        System.setProperty("aws.region", "us-east-1");
        System.setProperty("aws.accessKeyId", KEY);
        System.setProperty("aws.secretAccessKey", SECRET);

        Map<String, String> config = new HashMap<>();
        config.put("delivery-stream-name", STREAM);
        config.put("aws-endpoint-url-firehose", firehose.endpoint().toString());
        config.put("dead-letter-bucket", DEAD_LETTER_BUCKET);
        // These tests were written for the value format and assert its lines; envelope tests set it themselves.
        config.put("output-format", "value");
        config.put("firehose-backoff-base-ms", "5");
        config.put("firehose-backoff-max-ms", "40");
        config.put("time-safety-margin-ms", "1000");
        config.put("retry-budget-ms", "30000");
        config.put("quarkus.s3.endpoint-override", s3Endpoint);
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.s3.aws.region", "us-east-1");
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", KEY);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET);
        // s3proxy rejects the flexible checksums the SDK sends by default with this extension.
        config.put("quarkus.s3.checksum-validation", "false");
        return config;
    }

    @Override
    public void stop() {
        if (s3 != null) {
            s3.close();
        }
        if (firehose != null) {
            firehose.close();
        }
        if (s3proxy != null) {
            try {
                s3proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static LocalFirehose firehose() {
        return firehose;
    }

    public static S3Client s3() {
        return s3;
    }
}
