package io.streamingdata.msk.firehose.local;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * One {@link LocalFirehose} and one SDK client for a whole test class (register it as a static
 * {@code @RegisterExtension} field): started before the first test, closed after the last. Starting once per class
 * keeps the suite fast; {@link #resetBeforeEach(String)} gives every test a clean stream and no faults instead.
 */
final class EndpointFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private final UnaryOperator<LocalFirehose.Builder> configuration;
    private String resetStream;
    private LocalFirehose firehose;
    private FirehoseClient client;

    private EndpointFixture(UnaryOperator<LocalFirehose.Builder> configuration) {
        this.configuration = configuration;
    }

    /** An endpoint built by {@code configuration} from {@link LocalFirehose#builder()}. */
    static EndpointFixture of(UnaryOperator<LocalFirehose.Builder> configuration) {
        return new EndpointFixture(configuration);
    }

    /** Before each test: clear all faults and reset {@code stream}'s records and counters. */
    EndpointFixture resetBeforeEach(String stream) {
        this.resetStream = stream;
        return this;
    }

    LocalFirehose firehose() {
        return firehose;
    }

    /** The client exactly as the forwarder builds it. */
    FirehoseClient client() {
        return client;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        firehose = configuration.apply(LocalFirehose.builder()).build().start();
        client = TestSupport.firehose(firehose.endpoint());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (resetStream != null) {
            firehose.faults().clear();
            firehose.reset(resetStream);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        firehose.close();
    }
}
