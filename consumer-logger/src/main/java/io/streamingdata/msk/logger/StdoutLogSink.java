package io.streamingdata.msk.logger;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;

/** Writes log lines to standard output, which Lambda ships to CloudWatch Logs. */
@ApplicationScoped
@DefaultBean
public class StdoutLogSink implements LogSink {

    @Override
    public void write(byte[] buffer, int offset, int length) {
        // Looked up per call: the Lambda runtime replaces System.out after start-up.
        PrintStream out = System.out;
        out.write(buffer, offset, length);
    }

    @Override
    public void flush() {
        System.out.flush();
    }

    /** A {@link PrintStream} never throws: it keeps an error flag, which this reads (flushing first). */
    @Override
    public boolean failed() {
        return System.out.checkError();
    }
}
