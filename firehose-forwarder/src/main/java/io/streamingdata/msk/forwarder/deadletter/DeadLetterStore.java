package io.streamingdata.msk.forwarder.deadletter;

import java.util.List;

/** Where records that cannot go to Firehose are parked, each with its reason and metadata. */
public interface DeadLetterStore {

    /** Whether a store is configured; without one, such records fail the batch instead. */
    boolean available();

    /**
     * Parks every letter, or throws: a letter that could not be written must not be counted as handled.
     *
     * @return the object keys written, in order
     */
    List<String> park(List<DeadLetter> letters);
}
