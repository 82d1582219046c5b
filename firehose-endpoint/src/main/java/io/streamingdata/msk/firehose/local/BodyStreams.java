package io.streamingdata.msk.firehose.local;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies on the wire: a size limit while reading, and discarding what is not read. */
final class BodyStreams {
    /** Bodies discarded past this are cut off by closing the connection instead. */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private BodyStreams() {}

    /** Thrown by {@link #limited(InputStream, long)} once more than the limit was read. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("request body over " + limit + " bytes");
        }
    }

    /** {@code in}, failing with {@link TooLarge} past {@code limit} bytes (for bodies without Content-Length). */
    static InputStream limited(InputStream in, long limit) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            private void count(int n) throws TooLarge {
                count += n;
                if (count > limit) {
                    throw new TooLarge(limit);
                }
            }
        };
    }

    /**
     * Reads and discards the rest of a body in small pieces, so a refused call costs no memory and its client, which
     * sends the whole body before reading the answer, still gets the answer on a healthy connection.
     *
     * @return true when the body ended within {@link #DRAIN_LIMIT_BYTES}
     */
    static boolean drain(InputStream in) {
        byte[] scrap = new byte[16 * 1024];
        long total = 0;
        try {
            for (int n = in.read(scrap); n >= 0; n = in.read(scrap)) {
                total += n;
                if (total > DRAIN_LIMIT_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
