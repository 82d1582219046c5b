package io.streamingdata.msk.firehose.local;

import java.net.URI;
import java.util.Objects;

/**
 * Where a stream delivers: an S3-compatible server (path-style addressing, SigV4 with static credentials) and a bucket.
 */
public final class S3Target {
    private final URI endpoint;
    private final String bucket;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final boolean createBucket;

    private S3Target(Builder b) {
        this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
        this.bucket = Objects.requireNonNull(b.bucket, "bucket");
        Checks.argument(!bucket.isBlank(), "bucket must not be blank");
        this.accessKey = b.accessKey;
        this.secretKey = b.secretKey;
        this.region = b.region;
        this.createBucket = b.createBucket;
    }

    /** Shortcut: credentials test/test, region us-east-1, bucket created at start when missing. */
    public static S3Target of(URI endpoint, String bucket) {
        return builder(endpoint, bucket).build();
    }

    /** A target with the defaults of {@link #of(URI, String)}, to change some of them. */
    public static Builder builder(URI endpoint, String bucket) {
        return new Builder(endpoint, bucket);
    }

    /** The S3-compatible server, e.g. {@code http://127.0.0.1:18081}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The bucket objects are written to. */
    public String bucket() {
        return bucket;
    }

    /** Access key the S3 requests are signed with. */
    public String accessKey() {
        return accessKey;
    }

    /** Secret key the S3 requests are signed with. */
    public String secretKey() {
        return secretKey;
    }

    /** Signing region of the S3 requests. */
    public String region() {
        return region;
    }

    /** Whether {@link LocalFirehose#start()} creates the bucket when it is missing. */
    public boolean createBucket() {
        return createBucket;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + " at " + endpoint;
    }

    /** Builder of an {@link S3Target}. */
    public static final class Builder {
        private final URI endpoint;
        private final String bucket;
        private String accessKey = "test";
        private String secretKey = "test";
        private String region = "us-east-1";
        private boolean createBucket = true;

        private Builder(URI endpoint, String bucket) {
            this.endpoint = endpoint;
            this.bucket = bucket;
        }

        /** Static credentials for SigV4 (default test/test). */
        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        /** Signing region (default us-east-1). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Create the bucket at {@link LocalFirehose#start()} when it does not exist (default true; the real service requires an existing bucket). */
        public Builder createBucket(boolean createBucket) {
            this.createBucket = createBucket;
            return this;
        }

        /**
         * The target.
         *
         * @throws IllegalArgumentException when the bucket is blank
         */
        public S3Target build() {
            return new S3Target(this);
        }
    }
}
