package io.streamingdata.msk.records.consumer;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code KAFKA_GROUP_INSTANCE_ID}: makes the consumer a static member of its group (Kafka's
 * {@code group.instance.id}). A consumer that dies without leaving the group (killed, out of memory) holds its
 * partitions until the broker's session timeout ends, 45 s by default, while a dynamic member started in its place
 * waits; a static member started again under the same id is handed its partitions back at once. Unset, the consumer
 * is a dynamic member, as Kafka's default.
 */
public final class StaticMembership {

    /** The property the Kafka consumer reads. */
    public static final String GROUP_INSTANCE_ID = "group.instance.id";

    public static final String INVALID_ID = "KAFKA_GROUP_INSTANCE_ID=%s is not a valid group instance id: use 1 to "
            + "249 letters, digits, '.', '_' or '-' (not \".\" or \"..\"), one id per running consumer, or unset it.";

    /** The rule the broker applies to group instance ids, as to topic names. */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private StaticMembership() {}

    /** The client property for the configured id, none when unset, or an {@link IllegalArgumentException}. */
    public static Map<String, Object> properties(KafkaConsumerConfig config) {
        return properties(config.groupInstanceId());
    }

    static Map<String, Object> properties(Optional<String> instanceId) {
        if (instanceId.isEmpty()) {
            return Map.of();
        }
        String id = instanceId.get();
        if (!LEGAL.matcher(id).matches() || id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException(INVALID_ID.formatted(id));
        }
        return Map.of(GROUP_INSTANCE_ID, id);
    }
}
