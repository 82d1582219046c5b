package io.streamingdata.msk.records;

import java.util.Arrays;
import java.util.Optional;

/** Where a batch came from. */
public enum EventSource {
    /** A Lambda event source mapping on an Amazon MSK cluster. */
    MSK("aws:kafka"),
    /** A Lambda event source mapping on a self-managed Apache Kafka cluster. */
    SELF_MANAGED_KAFKA("SelfManagedKafka"),
    /** The function's own Kafka consumer (consumer mode, outside Lambda). */
    KAFKA_CONSUMER(null);

    private final String eventSourceName;

    EventSource(String eventSourceName) {
        this.eventSourceName = eventSourceName;
    }

    /** The value of the event's {@code eventSource} field, or {@code null} where no Lambda event is involved. */
    public String eventSourceName() {
        return eventSourceName;
    }

    /** The Lambda event source with this {@code eventSource} value, if it is a Kafka one. */
    public static Optional<EventSource> ofEventSourceName(String name) {
        return Arrays.stream(values()).filter(s -> s.eventSourceName != null && s.eventSourceName.equals(name))
                .findFirst();
    }
}
