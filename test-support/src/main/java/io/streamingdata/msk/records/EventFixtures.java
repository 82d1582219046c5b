package io.streamingdata.msk.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the Lambda event fixtures kept under this module's {@code src/main/resources/events/}. */
public final class EventFixtures {

    /** Every fixture that decodes (the others are rejected whole), each with something the others lack. */
    public static final List<String> DECODABLE = List.of(
            "msk-basic.json",
            "msk-mixed.json",
            "msk-bad-headers.json",
            "msk-schema-registry.json",
            "glue-protobuf.json",
            "header-value-as-base64-string.json",
            "lone-surrogate-header-name.json",
            "self-managed.json",
            "self-managed-aws-prefix.json",
            "msk-empty-records.json");

    private EventFixtures() {}

    public static byte[] bytes(String name) {
        String path = "/events/" + name;
        try (InputStream in = EventFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No event fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static KafkaBatch decode(String name) {
        return new KafkaEventDecoder().decode(bytes(name));
    }
}
