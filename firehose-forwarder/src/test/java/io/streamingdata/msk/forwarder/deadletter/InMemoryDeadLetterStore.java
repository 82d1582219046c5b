package io.streamingdata.msk.forwarder.deadletter;

import io.streamingdata.msk.forwarder.failure.Failure;
import java.util.ArrayList;
import java.util.List;

/** A dead-letter store that keeps what it parks, and can be told to fail, for unit tests. */
public final class InMemoryDeadLetterStore implements DeadLetterStore {

    private final List<Failure> parked = new ArrayList<>();
    private RuntimeException failWith;

    @Override
    public synchronized List<String> park(List<Failure> failures) {
        if (failWith != null) {
            throw failWith;
        }
        parked.addAll(failures);
        return failures.stream()
                .map(failure -> "memory://" + failure.entry().coordinates())
                .toList();
    }

    /** Every later {@link #park} throws {@code error} and keeps nothing. */
    public synchronized void failWith(RuntimeException error) {
        failWith = error;
    }

    public synchronized List<Failure> parked() {
        return List.copyOf(parked);
    }
}
