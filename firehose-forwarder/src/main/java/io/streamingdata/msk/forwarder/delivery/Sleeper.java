package io.streamingdata.msk.forwarder.delivery;

/** Waits between retries; replaced in tests so that backoff costs no wall time. */
@FunctionalInterface
public interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
