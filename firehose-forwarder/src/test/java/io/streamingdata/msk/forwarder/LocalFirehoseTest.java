package io.streamingdata.msk.forwarder;

import io.streamingdata.msk.firehose.local.LocalFirehose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that run against {@link LocalAwsServices}: each starts with an empty stream and no faults. */
abstract class LocalFirehoseTest {

    protected LocalFirehose firehose;

    @BeforeEach
    void startClean() {
        firehose = LocalAwsServices.firehose();
        firehose.faults().clear();
        firehose.reset(LocalAwsServices.STREAM);
    }

    @AfterEach
    void clearFaults() {
        firehose.faults().clear();
    }
}
