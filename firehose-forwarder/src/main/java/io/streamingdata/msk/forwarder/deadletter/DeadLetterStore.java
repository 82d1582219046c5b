package io.streamingdata.msk.forwarder.deadletter;

import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.List;

/** Where records that cannot go to Firehose are parked, each with its reason and metadata. */
public interface DeadLetterStore {

    /**
     * Parks every failure, or throws: a record that could not be written must not be counted as handled.
     *
     * @return where each was written, in order
     */
    List<String> park(List<Failure> failures);
}
