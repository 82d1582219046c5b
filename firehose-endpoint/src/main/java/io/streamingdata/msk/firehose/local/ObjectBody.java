package io.streamingdata.msk.firehose.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The bytes of one S3 object as a sequence of pieces, streamed to S3 without first being copied into one array:
 * uncompressed, the pieces are the buffered records themselves; gzipped, the compressed output in 64 KiB pieces.
 */
final class ObjectBody {
    private static final int PIECE_BYTES = 64 * 1024;

    private final List<byte[]> pieces;
    private final long length;

    private ObjectBody(List<byte[]> pieces, long length) {
        this.pieces = pieces;
        this.length = length;
    }

    /** The records concatenated, without delimiter. */
    static ObjectBody concatenated(List<byte[]> records, long length) {
        return new ObjectBody(records, length);
    }

    /** The records concatenated and gzipped. */
    static ObjectBody gzipped(List<byte[]> records) {
        PieceOutputStream out = new PieceOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, PIECE_BYTES)) {
            for (byte[] r : records) {
                gzip.write(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ObjectBody(out.pieces, out.length);
    }

    long length() {
        return length;
    }

    /** A body the SDK can read as often as it needs (signing, sending, retrying). */
    RequestBody requestBody() {
        return RequestBody.fromContentProvider(this::newStream, length, "application/octet-stream");
    }

    void writeTo(OutputStream out) throws IOException {
        for (byte[] piece : pieces) {
            out.write(piece);
        }
    }

    private InputStream newStream() {
        List<InputStream> streams = new ArrayList<>(pieces.size());
        for (byte[] piece : pieces) {
            streams.add(new ByteArrayInputStream(piece));
        }
        return new SequenceInputStream(Collections.enumeration(streams));
    }

    /** Collects output in pieces: no doubling-and-copying growth as a ByteArrayOutputStream has. */
    private static final class PieceOutputStream extends OutputStream {
        private final List<byte[]> pieces = new ArrayList<>();
        private byte[] current = new byte[PIECE_BYTES];
        private int used;
        private long length;

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                if (used == current.length) {
                    pieces.add(current);
                    current = new byte[PIECE_BYTES];
                    used = 0;
                }
                int n = Math.min(len, current.length - used);
                System.arraycopy(b, off, current, used, n);
                used += n;
                off += n;
                len -= n;
                length += n;
            }
        }

        @Override
        public void close() {
            if (used > 0) {
                pieces.add(used == current.length ? current : Arrays.copyOf(current, used));
                used = 0;
            }
        }
    }
}
