package io.streamingdata.msk.firehose.local;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Record ids for accepted records: opaque like the service's (and shorter), unique within the process. */
final class RecordIds {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private RecordIds() {}

    static String next() {
        return Long.toString(System.nanoTime(), 36) + "-" + Integer.toString(SEQUENCE.incrementAndGet(), 36) + "-"
                + UUID.randomUUID();
    }
}
