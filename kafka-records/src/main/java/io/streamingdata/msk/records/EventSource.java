package io.streamingdata.msk.records;

import java.util.List;
import java.util.Optional;

/** Where a batch came from. */
public enum EventSource {
    /** A Lambda event source mapping on an Amazon MSK cluster. */
    MSK("aws:kafka", List.of("aws:kafka")),
    /**
     * A Lambda event source mapping on a self-managed Apache Kafka cluster. Lambda documents
     * {@code SelfManagedKafka}; {@code aws:SelfManagedKafka} appears in widely used test events and is accepted too.
     */
    SELF_MANAGED_KAFKA("SelfManagedKafka", List.of("SelfManagedKafka", "aws:SelfManagedKafka")),
    /** The function's own Kafka consumer (consumer mode, outside Lambda). */
    KAFKA_CONSUMER(null, List.of());

    private final String eventSourceName;
    private final List<String> acceptedNames;

    EventSource(String eventSourceName, List<String> acceptedNames) {
        this.eventSourceName = eventSourceName;
        this.acceptedNames = acceptedNames;
    }

    /** The value of the event's {@code eventSource} field, or {@code null} where no Lambda event is involved. */
    public String eventSourceName() {
        return eventSourceName;
    }

    /** Every {@code eventSource} value read as this source. */
    public List<String> acceptedNames() {
        return acceptedNames;
    }

    /** The Lambda event source with this {@code eventSource} value, if it is a Kafka one. */
    public static Optional<EventSource> ofEventSourceName(String name) {
        for (EventSource source : values()) {
            if (source.acceptedNames.contains(name)) {
                return Optional.of(source);
            }
        }
        return Optional.empty();
    }
}
