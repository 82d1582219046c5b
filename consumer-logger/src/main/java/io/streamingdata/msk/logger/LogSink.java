package io.streamingdata.msk.logger;

/**
 * Where log lines go. Each call receives one or more complete lines, each ending in a newline. Lambda turns every
 * line of standard output into one CloudWatch event (the Java runtime passes {@code System.out} through to the
 * process's stdout; custom runtimes read stdout directly), so lines can be written many at a time.
 */
public interface LogSink {

    void write(byte[] buffer, int offset, int length);

    void flush();

    /**
     * Whether a write has failed since the sink was created: lines may be missing, so the batch must not count as
     * logged. Standard output reports its failures only this way (a broken pipe, a full disk).
     */
    default boolean failed() {
        return false;
    }
}
