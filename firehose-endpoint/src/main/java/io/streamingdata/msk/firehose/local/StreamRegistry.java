package io.streamingdata.msk.firehose.local;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoint's streams by name, fixed at construction, in configuration order. */
final class StreamRegistry {
    private final Map<String, StreamState> byName;

    StreamRegistry(Collection<StreamConfig> configs, S3Delivery.Factory deliveryFactory, boolean retainRecords) {
        Map<String, StreamState> map = new LinkedHashMap<>();
        for (StreamConfig config : configs) {
            map.put(config.name(), new StreamState(config, deliveryFactory, retainRecords));
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** The stream, or null when no stream has that name. */
    StreamState find(String name) {
        return byName.get(name);
    }

    /** The stream a Firehose request names, or the service's ResourceNotFoundException. */
    StreamState existing(String name) {
        StreamState state = byName.get(name);
        if (state == null) {
            throw ApiError.streamNotFound(name);
        }
        return state;
    }

    /** The stream a caller of the Java API names; an unknown name is a programming error there. */
    StreamState require(String name) {
        StreamState state = byName.get(name);
        if (state == null) {
            throw new IllegalArgumentException("Unknown stream '" + name + "'; configured: " + byName.keySet());
        }
        return state;
    }

    List<String> names() {
        return List.copyOf(byName.keySet());
    }

    List<String> sortedNames() {
        return byName.keySet().stream().sorted().toList();
    }

    Collection<StreamState> all() {
        return byName.values();
    }

    /** Every stream's counters, in configuration order. */
    Map<String, StreamStats> stats() {
        Map<String, StreamStats> all = new LinkedHashMap<>();
        byName.forEach((name, state) -> all.put(name, state.stats()));
        return all;
    }

    /** Refuses every later accept on every stream (the stop's first step). */
    void seal() {
        byName.values().forEach(StreamState::seal);
    }

    /** Bytes buffered on all streams and not yet handed to the writer. */
    long bufferedBytes() {
        long buffered = 0;
        for (StreamState state : byName.values()) {
            if (state.delivery != null) {
                buffered += state.delivery.bufferedBytes();
            }
        }
        return buffered;
    }

    /** Hands every non-empty S3 buffer to the writer. */
    void cutBuffers() {
        for (StreamState state : byName.values()) {
            if (state.delivery != null) {
                state.delivery.cut();
            }
        }
    }
}
