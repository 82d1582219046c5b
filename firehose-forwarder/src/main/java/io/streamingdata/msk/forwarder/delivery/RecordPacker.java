package io.streamingdata.msk.forwarder.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * Packs lines into Firehose records, ending each line with a newline. With aggregation, consecutive lines share a
 * record up to {@code maxRecordBytes}: Firehose bills Direct PUT per record rounded up to 5 KB and limits records
 * per second, so packing small records cuts cost and calls, while S3 receives the same bytes. Without it, one line
 * is one record. Each record is built in one exactly sized array: a 6 MB batch is copied once, not re-grown.
 */
public final class RecordPacker {

    private final boolean aggregate;
    private final int maxRecordBytes;

    public RecordPacker(boolean aggregate, int maxRecordBytes) {
        this.aggregate = aggregate;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** The size of a line as packed: its bytes and the newline that ends it. */
    public static int packedSize(byte[] line) {
        return line.length + 1;
    }

    /** @param lines line contents without their newline, each within Firehose's record limit once it is added */
    public List<PackedRecord> pack(List<byte[]> lines) {
        List<PackedRecord> records = new ArrayList<>();
        int start = 0;
        while (start < lines.size()) {
            int end = start + 1;
            int size = packedSize(lines.get(start));
            while (aggregate && end < lines.size() && size + packedSize(lines.get(end)) <= maxRecordBytes) {
                size += packedSize(lines.get(end));
                end++;
            }
            records.add(join(lines, start, end, size));
            start = end;
        }
        return records;
    }

    private static PackedRecord join(List<byte[]> lines, int start, int end, int size) {
        byte[] data = new byte[size];
        int[] members = new int[end - start];
        int position = 0;
        for (int i = start; i < end; i++) {
            byte[] line = lines.get(i);
            System.arraycopy(line, 0, data, position, line.length);
            position += line.length;
            data[position++] = '\n';
            members[i - start] = i;
        }
        return new PackedRecord(data, members);
    }
}
