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
        if (bucket.isBlank()) {
            throw new IllegalArgumentException("bucket must not be blank");
        }
        this.accessKey = b.accessKey;
        this.secretKey = b.secretKey;
        this.region = b.region;
        this.createBucket = b.createBucket;
    }

    /** Shortcut: credentials test/test, region us-east-1, bucket created at start when missing. */
    public static S3Target of(URI endpoint, String bucket) {
        return builder(endpoint, bucket).build();
    }

    public static Builder builder(URI endpoint, String bucket) {
        return new Builder(endpoint, bucket);
    }

    public URI endpoint() {
        return endpoint;
    }

    public String bucket() {
        return bucket;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String region() {
        return region;
    }

    public boolean createBucket() {
        return createBucket;
    }

    @Override
    public String toString() {
        return "s3://" + bucket + " at " + endpoint;
    }

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

        public Builder credentials(String accessKey, String secretKey) {
            this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
            this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /** Create the bucket at {@link LocalFirehose#start()} when it does not exist (default true; the real service requires an existing bucket). */
        public Builder createBucket(boolean createBucket) {
            this.createBucket = createBucket;
            return this;
        }

        public S3Target build() {
            return new S3Target(this);
        }
    }
}
