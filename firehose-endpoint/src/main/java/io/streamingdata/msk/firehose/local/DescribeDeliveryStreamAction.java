package io.streamingdata.msk.firehose.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code DescribeDeliveryStream}: every stream is an ACTIVE Direct PUT stream, with an ExtendedS3DestinationDescription
 * when it delivers to S3.
 */
final class DescribeDeliveryStreamAction implements Action {
    private final StreamRegistry streams;
    private final Instant createdAt;

    DescribeDeliveryStreamAction(StreamRegistry streams, Instant createdAt) {
        this.streams = streams;
        this.createdAt = createdAt;
    }

    @Override
    public byte[] handle(JsonNode request, CallContext call) throws IOException {
        RequestValidation.forStream(request).throwIfInvalid(null);
        String name = request.get("DeliveryStreamName").asText();
        StreamConfig config = streams.existing(name).config;

        Map<String, Object> description = new LinkedHashMap<>();
        description.put("DeliveryStreamName", name);
        description.put(
                "DeliveryStreamARN",
                "arn:aws:firehose:" + call.region() + ":" + LocalFirehose.ACCOUNT_ID + ":deliverystream/" + name);
        description.put("DeliveryStreamStatus", "ACTIVE");
        description.put("DeliveryStreamEncryptionConfiguration", Map.of("Status", "DISABLED"));
        description.put("DeliveryStreamType", "DirectPut");
        description.put("VersionId", String.valueOf(S3Delivery.STREAM_VERSION));
        description.put("CreateTimestamp", createdAt.toEpochMilli() / 1000.0);
        List<Object> destinations = new ArrayList<>();
        config.s3Target()
                .ifPresent(target -> destinations.add(Map.of(
                        "DestinationId",
                        "destinationId-000000000001",
                        "ExtendedS3DestinationDescription",
                        s3Destination(config, target))));
        description.put("Destinations", destinations);
        description.put("HasMoreDestinations", false);
        return AwsJson.write(Map.of("DeliveryStreamDescription", description));
    }

    private static Map<String, Object> s3Destination(StreamConfig config, S3Target target) {
        Map<String, Object> s3 = new LinkedHashMap<>();
        s3.put("RoleARN", "arn:aws:iam::" + LocalFirehose.ACCOUNT_ID + ":role/local-firehose");
        s3.put("BucketARN", "arn:aws:s3:::" + target.bucket());
        if (config.prefix() != null) {
            s3.put("Prefix", config.prefix());
        }
        if (config.errorOutputPrefix() != null) {
            s3.put("ErrorOutputPrefix", config.errorOutputPrefix());
        }
        s3.put(
                "BufferingHints",
                Map.of(
                        // The service's hint is in whole MiB (at least 1); ours is in bytes, so round up.
                        "SizeInMBs", Math.max(1, (config.bufferSizeBytes() + (1 << 20) - 1) >> 20),
                        "IntervalInSeconds", config.bufferInterval().toSeconds()));
        s3.put("CompressionFormat", config.compression().name());
        s3.put("EncryptionConfiguration", Map.of("NoEncryptionConfig", "NoEncryption"));
        return s3;
    }
}
