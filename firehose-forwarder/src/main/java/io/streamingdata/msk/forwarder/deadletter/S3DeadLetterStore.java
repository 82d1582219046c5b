package io.streamingdata.msk.forwarder.deadletter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.streamingdata.msk.records.Json;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.RecordJson;
import io.streamingdata.msk.records.UndecodableRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    private static final JsonFactory JSON = Json.FACTORY;

    private final S3Client s3;
    private final Optional<String> bucket;
    private final String prefix;
    private final String deliveryStream;

    public S3DeadLetterStore(S3Client s3, Optional<String> bucket, String prefix, String deliveryStream) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.deliveryStream = deliveryStream;
    }

    @Override
    public boolean available() {
        return bucket.isPresent();
    }

    @Override
    public List<String> park(List<DeadLetter> letters) {
        String target = bucket.orElseThrow(() -> new IllegalStateException("DEAD_LETTER_BUCKET is not set"));
        List<String> keys = new ArrayList<>(letters.size());
        for (DeadLetter letter : letters) {
            String key = keyOf(letter);
            s3.putObject(PutObjectRequest.builder().bucket(target).key(key).contentType("application/json").build(),
                    RequestBody.fromBytes(toJson(letter)));
            keys.add(key);
        }
        return keys;
    }

    String keyOf(DeadLetter letter) {
        return prefix + letter.entry().topicPartition().topic() + "/" + letter.entry().topicPartition().partition()
                + "/" + letter.entry().offset() + ".json";
    }

    byte[] toJson(DeadLetter letter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("reason", letter.reason());
            json.writeStringField("cause", letter.cause());
            json.writeStringField("deliveryStream", deliveryStream);
            json.writeStringField("parkedAt", Instant.now().toString());
            if (letter.entry() instanceof KafkaRecord record) {
                RecordJson.writeFields(json, record);
            } else if (letter.entry() instanceof UndecodableRecord undecodable) {
                RecordJson.writeUndecodable(json, undecodable);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
