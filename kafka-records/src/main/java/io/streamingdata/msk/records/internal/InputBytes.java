package io.streamingdata.msk.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Reads a stream to its end, without a copy where the stream is a {@link ByteArrayInputStream} over exactly the
 * bytes it holds, which is what the Lambda Java runtime client hands a stream handler: the event it received. A
 * 6 MB event copied only to be parsed is 6 MB more for every invocation to allocate and for a collection that falls
 * during the invocation to move.
 * <p>
 * The array is reached through {@link ByteArrayInputStream#transferTo}, which up to Java 21 (the {@code java21}
 * runtime) writes from the stream's own array, in 128 KiB chunks in Java 21; Java 22 and later write from a temporary
 * buffer to streams they do not trust, such as this one, so there the bytes are copied as before (checked on 25). Only writes that cover
 * the stream's array from its first byte to its last, in order, are taken as that array; anything else (a
 * temporary buffer, a stream already partly read, a subclass) is read again from where it stood, as a copy. The
 * array is shared with the stream's owner, so its readers must not write to it: the event decoder only reads.
 */
public final class InputBytes {

    private InputBytes() {}

    /** The stream's remaining bytes; the stream's own array where that is possible without a copy. */
    public static byte[] readAll(InputStream in) throws IOException {
        if (in.getClass() == ByteArrayInputStream.class) {
            int remaining = in.available();
            in.mark(remaining);
            WholeArray whole = new WholeArray(remaining);
            in.transferTo(whole);
            if (whole.array() != null) {
                return whole.array();
            }
            in.reset();
        }
        return in.readAllBytes();
    }

    /** Accepts writes only while they run through one array of the expected length from start to end. */
    static final class WholeArray extends OutputStream {
        private final int length;
        private byte[] array;
        private int end;
        private boolean broken;

        WholeArray(int length) {
            this.length = length;
        }

        @Override
        public void write(int b) {
            broken = true;
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            if (broken || count == 0) {
                return;
            }
            if (array == null && bytes.length == length && offset == 0) {
                array = bytes;
            } else if (bytes != array || offset != end) {
                broken = true;
                return;
            }
            end = offset + count;
        }

        byte[] array() {
            if (length == 0) {
                return new byte[0];
            }
            return !broken && end == length ? array : null;
        }
    }
}
