package io.streamingdata.msk.firehose.local;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** One S3 client per {@link S3Target} (streams delivering to the same server and bucket share it). */
final class S3Clients {
    /** Longest wait for S3's answer to one request, so that a stop is never held up by a silent server for long. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Map<S3Target, S3Client> clients = new ConcurrentHashMap<>();

    S3Client client(S3Target target) {
        return clients.computeIfAbsent(target, S3Clients::newClient);
    }

    /**
     * Creates the bucket unless it exists.
     *
     * @throws IllegalStateException when the bucket cannot be created or the server cannot be reached
     */
    void ensureBucket(S3Target target, Consumer<String> info) {
        S3Client s3 = client(target);
        try {
            s3.createBucket(b -> b.bucket(target.bucket()));
            info.accept("created bucket " + target.bucket() + " at " + target.endpoint());
        } catch (S3Exception e) {
            if (e.statusCode() != 409) { // 409: BucketAlreadyOwnedByYou / BucketAlreadyExists
                throw new IllegalStateException("Cannot create bucket " + target + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot reach the S3 server for " + target + ": " + e.getMessage(), e);
        }
    }

    void closeAll() {
        clients.values().forEach(S3Client::close);
    }

    private static S3Client newClient(S3Target target) {
        return S3Client.builder()
                .endpointOverride(target.endpoint())
                .region(Region.of(target.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(target.accessKey(), target.secretKey())))
                .forcePathStyle(true)
                .httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(REQUEST_TIMEOUT))
                // Plain PUTs with Content-MD5 only when required: works with s3proxy 3.x and 4.x alike.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                // Delivery retries are ours (with the error-prefix fallback); no hidden SDK retries on top.
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
