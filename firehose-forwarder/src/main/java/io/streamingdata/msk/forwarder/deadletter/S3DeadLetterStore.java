package io.streamingdata.msk.forwarder.deadletter;

import com.fasterxml.jackson.core.JsonGenerator;
import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.Json;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.RecordJson;
import io.streamingdata.msk.records.UndecodableRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes each dead letter as one JSON object to {@code s3://<bucket>/<prefix><topic>/<partition>/<offset>.json}:
 * the reason and cause first, then the record's topic, partition, offset, timestamp, key, headers and value (text,
 * JSON or base64, as in the envelope format). A record the event carried but could not decode keeps every field that
 * did decode and its raw JSON, as the event carried it, in {@code raw}. Keyed by coordinates, so a re-delivered
 * record overwrites its own letter instead of adding a second one.
 */
public final class S3DeadLetterStore implements DeadLetterStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String deliveryStream;
    private final Clock clock;

    public S3DeadLetterStore(S3Client s3, String bucket, String prefix, String deliveryStream, Clock clock) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.deliveryStream = deliveryStream;
        this.clock = clock;
    }

    @Override
    public List<String> park(List<Failure> failures) {
        List<String> keys = new ArrayList<>(failures.size());
        for (Failure failure : failures) {
            String key = keyOf(failure.entry());
            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .contentType("application/json")
                            .build(),
                    RequestBody.fromBytes(toJson(failure)));
            keys.add("s3://" + bucket + "/" + key);
        }
        return keys;
    }

    String keyOf(BatchEntry entry) {
        return prefix + entry.topicPartition().topic() + "/"
                + entry.topicPartition().partition() + "/" + entry.offset() + ".json";
    }

    byte[] toJson(Failure failure) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("reason", failure.reason());
            json.writeStringField("cause", failure.cause().label());
            json.writeStringField("deliveryStream", deliveryStream);
            json.writeStringField("parkedAt", clock.instant().toString());
            if (failure.entry() instanceof KafkaRecord record) {
                RecordJson.writeFields(json, record);
            } else if (failure.entry() instanceof UndecodableRecord undecodable) {
                RecordJson.writeUndecodable(json, undecodable);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
