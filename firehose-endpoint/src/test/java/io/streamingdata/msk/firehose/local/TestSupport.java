package io.streamingdata.msk.firehose.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Shared test wiring: the Firehose client as the forwarder builds it, and one in-process s3proxy per JVM. */
final class TestSupport {
    static final String ACCESS_KEY = "test-key";
    static final String SECRET_KEY = "test-secret";
    /** A complete SigV4 Authorization header for raw HTTP requests (the endpoint checks presence, not the signature). */
    static final String SIGV4_AUTHORIZATION =
            "AWS4-HMAC-SHA256 Credential=test-key/20260101/us-east-1/firehose/aws4_request, "
                    + "SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=" + "0".repeat(64);
    /** The X-Amz-Date that goes with {@link #SIGV4_AUTHORIZATION}. */
    static final String AMZ_DATE = "20260101T000000Z";

    private static S3Proxy s3proxy;
    private static URI s3Endpoint;
    private static S3Client s3Reader;

    private TestSupport() {}

    /** The flags that point an endpoint process at the test's S3 server with the test credentials. */
    static List<String> s3Flags(URI s3) {
        return List.of("--s3-endpoint", s3.toString(), "--s3-access-key", ACCESS_KEY, "--s3-secret-key", SECRET_KEY);
    }

    /** {@code flags} followed by {@link #s3Flags}. */
    static List<String> withS3Flags(URI s3, String... flags) {
        List<String> all = new ArrayList<>(List.of(flags));
        all.addAll(s3Flags(s3));
        return all;
    }

    static FirehoseClient firehose(URI endpoint) {
        return FirehoseClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    static Record record(String text) {
        return Record.builder()
                .data(SdkBytes.fromString(text, StandardCharsets.UTF_8))
                .build();
    }

    static Record record(byte[] data) {
        return Record.builder().data(SdkBytes.fromByteArrayUnsafe(data)).build();
    }

    static List<Record> records(String prefix, int count) {
        List<Record> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(record(prefix + "-" + i + "\n"));
        }
        return out;
    }

    static List<String> texts(List<byte[]> data) {
        return data.stream().map(d -> new String(d, StandardCharsets.UTF_8)).toList();
    }

    /** Starts (once per JVM) s3proxy with the jclouds transient (in-memory) store on 127.0.0.1. */
    static synchronized URI s3Endpoint() {
        if (s3proxy == null) {
            try {
                Properties props = new Properties();
                BlobStoreContext context = ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .overrides(props)
                        .build(BlobStoreContext.class);
                S3Proxy proxy = S3Proxy.builder()
                        .blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
                proxy.start();
                org.awaitility.Awaitility.await("s3proxy started")
                        .atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofMillis(20))
                        .until(() -> "STARTED".equals(proxy.getState()));
                s3proxy = proxy;
                s3Endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception ignored) {
                        // JVM exit
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("cannot start s3proxy", e);
            }
        }
        return s3Endpoint;
    }

    static S3Target s3Target(String bucket) {
        return S3Target.builder(s3Endpoint(), bucket)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build();
    }

    static synchronized S3Client s3() {
        if (s3Reader == null) {
            s3Reader = S3Client.builder()
                    .endpointOverride(s3Endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .forcePathStyle(true)
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .build();
        }
        return s3Reader;
    }

    static List<String> keys(String bucket) {
        return s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    static byte[] object(String bucket, String key) {
        return s3().getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }
}
