package io.streamingdata.msk.records;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the Lambda event fixtures kept under this module's {@code src/main/resources/events/}. */
public final class EventFixtures {

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
