package io.streamingdata.msk.restore;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lists and reads the backup's objects in one bucket: GZIP or uncompressed (told apart by the GZIP magic bytes, not
 * the key), split into lines (Firehose writes records back to back; the forwarder ends each with a newline).
 */
final class BackupStore {

    static final String NO_BUCKET = "the bucket %s does not exist at %s: check --bucket (the bucket name only, no "
            + "s3:// or prefix), --s3-endpoint and --region";
    static final String DENIED = "S3 refused to %s s3://%s (%s): the credentials from the default AWS chain need "
            + "s3:ListBucket and s3:GetObject on it (and kms:Decrypt for a KMS key)";
    static final String UNREACHABLE = "cannot reach S3 at %s: %s. Check --s3-endpoint, --region and the network";
    static final String UNSUPPORTED_COMPRESSION = "s3://%s/%s is compressed as %s: only GZIP and uncompressed objects "
            + "can be read; set the delivery stream's compression to GZIP or UNCOMPRESSED";

    private final S3Client s3;
    private final String bucket;
    private final String endpoint;

    BackupStore(S3Client s3, String bucket, String endpoint) {
        this.s3 = s3;
        this.bucket = bucket;
        this.endpoint = endpoint;
    }

    String bucket() {
        return bucket;
    }

    /** Keys under the listing's prefix that it matches, in key order. */
    List<String> keys(HourPrefixes.Listing listing) {
        List<String> keys = new ArrayList<>();
        for (S3Object object : list(listing.listPrefix())) {
            if (listing.matches(object.key())) {
                keys.add(object.key());
            }
        }
        return keys;
    }

    /** Every key under the prefix, in key order. */
    List<S3Object> list(String prefix) {
        List<S3Object> objects = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Request.Builder request =
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix);
            if (token != null) {
                request.continuationToken(token);
            }
            ListObjectsV2Response response = call("list", () -> s3.listObjectsV2(request.build()));
            objects.addAll(response.contents());
            token = Boolean.TRUE.equals(response.isTruncated()) ? response.nextContinuationToken() : null;
        } while (token != null);
        return objects;
    }

    /** Hands every non-empty line of the object to {@code lines}, without its line break. */
    void readLines(String key, Consumer<byte[]> lines) {
        call("read", () -> {
            try (InputStream in = decompressed(
                    key,
                    s3.getObject(
                            GetObjectRequest.builder().bucket(bucket).key(key).build()))) {
                split(in, lines);
            } catch (IOException e) {
                throw new UncheckedIOException("reading s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    /** The whole object, decompressed: a dead letter is one JSON document. */
    byte[] readAll(String key) {
        return call("read", () -> {
            try (InputStream in = decompressed(
                    key,
                    s3.getObject(
                            GetObjectRequest.builder().bucket(bucket).key(key).build()))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("reading s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
            }
        });
    }

    private InputStream decompressed(String key, InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024);
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GZIPInputStream(in, 64 * 1024); // reads concatenated GZIP members too
        }
        if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
            in.close();
            throw new UserMistake(UNSUPPORTED_COMPRESSION.formatted(bucket, key, "ZIP"));
        }
        if (magic.length >= 6 && (magic[0] & 0xff) == 0xff && magic[1] == 6 && magic[4] == 's' && magic[5] == 'N') {
            in.close();
            throw new UserMistake(UNSUPPORTED_COMPRESSION.formatted(bucket, key, "Snappy"));
        }
        return in;
    }

    static void split(InputStream in, Consumer<byte[]> lines) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, start, i - start);
                    emit(line, lines);
                    start = i + 1;
                }
            }
            line.write(buffer, start, read - start);
        }
        emit(line, lines);
    }

    private static void emit(ByteArrayOutputStream line, Consumer<byte[]> lines) {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            length--;
        }
        if (length > 0) {
            lines.accept(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
        }
    }

    private <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (NoSuchBucketException e) {
            throw new UserMistake(NO_BUCKET.formatted(bucket, endpoint), e);
        } catch (S3Exception e) {
            if (e.statusCode() == 403) {
                throw new UserMistake(
                        DENIED.formatted(
                                action,
                                bucket,
                                e.awsErrorDetails() == null
                                        ? e.getMessage()
                                        : e.awsErrorDetails().errorCode()),
                        e);
            }
            if (e.statusCode() == 404
                    && e.awsErrorDetails() != null
                    && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
                throw new UserMistake(NO_BUCKET.formatted(bucket, endpoint), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new UserMistake(UNREACHABLE.formatted(endpoint, e.getMessage()), e);
        }
    }
}
