package io.streamingdata.msk.forwarder.delivery;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs newline-terminated lines into Firehose records. With aggregation, consecutive lines share a record up to
 * {@code maxRecordBytes}: Firehose bills Direct PUT per record rounded up to 5 KB and limits records per second, so
 * packing small records cuts cost and calls, while S3 receives the same bytes. Without it, one line is one record.
 */
public final class RecordPacker {

    private final boolean aggregate;
    private final int maxRecordBytes;

    public RecordPacker(boolean aggregate, int maxRecordBytes) {
        this.aggregate = aggregate;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** @param lines lines no longer than Firehose's record limit */
    public List<PackedRecord> pack(List<byte[]> lines) {
        List<PackedRecord> records = new ArrayList<>();
        if (!aggregate) {
            for (int i = 0; i < lines.size(); i++) {
                records.add(new PackedRecord(lines.get(i), new int[] {i}));
            }
            return records;
        }
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        List<Integer> members = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            if (current.size() > 0 && current.size() + line.length > maxRecordBytes) {
                records.add(new PackedRecord(current.toByteArray(), toArray(members)));
                current.reset();
                members.clear();
            }
            current.writeBytes(line);
            members.add(i);
        }
        if (current.size() > 0) {
            records.add(new PackedRecord(current.toByteArray(), toArray(members)));
        }
        return records;
    }

    private static int[] toArray(List<Integer> members) {
        return members.stream().mapToInt(Integer::intValue).toArray();
    }
}
