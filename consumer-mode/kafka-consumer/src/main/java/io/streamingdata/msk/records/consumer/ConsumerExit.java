package io.streamingdata.msk.records.consumer;

/**
 * Ends a consumer-mode process that can no longer consume, so that whatever supervises it starts it again. A process
 * that stays up without consuming would look healthy while its lag grows; a process that exits is restarted, and the
 * new one resumes from the last committed offset, which is never past a record that was not handled.
 */
public interface ConsumerExit {

    /** Exit status of a consumer-mode process that stopped consuming ({@code EX_SOFTWARE}); a supervisor restarts it. */
    int STATUS = 70;

    /** Starts the exit and returns; {@code reason} says what stopped the consumer. */
    void exit(String reason);
}
