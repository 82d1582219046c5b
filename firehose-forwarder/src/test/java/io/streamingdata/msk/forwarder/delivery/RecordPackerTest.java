package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPackerTest {

    @Test
    void shouldSendOneFirehoseRecordPerLineWithoutAggregation() {
        List<byte[]> lines = lines(3, 10);

        List<PackedRecord> packed = new RecordPacker(false, 1_024_000).pack(lines);

        assertEquals(3, packed.size());
        assertArrayEquals(new int[] {2}, packed.get(2).members());
        assertArrayEquals(withNewline(lines.get(2)), packed.get(2).data());
    }

    @Test
    void shouldPackConsecutiveLinesUpToTheLimitKeepingEveryByteInOrder() {
        List<byte[]> lines = lines(100, 99);

        List<PackedRecord> packed = new RecordPacker(true, 1000).pack(lines);

        assertEquals(10, packed.size(), "ten 99-byte lines and their newlines fill a 1000-byte record exactly");
        assertTrue(packed.stream().allMatch(record -> record.data().length <= 1000));
        ByteArrayOutputStream joinedPacked = new ByteArrayOutputStream();
        packed.forEach(record -> joinedPacked.writeBytes(record.data()));
        ByteArrayOutputStream joinedLines = new ByteArrayOutputStream();
        lines.forEach(line -> joinedLines.writeBytes(withNewline(line)));
        assertArrayEquals(joinedLines.toByteArray(), joinedPacked.toByteArray(), "S3 receives the same bytes");
        assertArrayEquals(new int[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, packed.get(1).members());
    }

    @Test
    void shouldGiveALineLargerThanTheAggregationLimitARecordOfItsOwn() {
        List<byte[]> lines = List.of(line(0, 10), line(1, 5000), line(2, 10));

        List<PackedRecord> packed = new RecordPacker(true, 1000).pack(lines);

        assertEquals(3, packed.size());
        assertArrayEquals(new int[] {1}, packed.get(1).members());
    }

    @Test
    void shouldPackNothingFromNothing() {
        assertTrue(new RecordPacker(true, 1000).pack(List.of()).isEmpty());
    }

    static List<byte[]> lines(int count, int size) {
        List<byte[]> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(i, size));
        }
        return lines;
    }

    static byte[] line(int index, int size) {
        byte[] line = new byte[size];
        byte[] label = Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            line[i] = i < label.length ? label[i] : (byte) 'x';
        }
        return line;
    }

    static byte[] withNewline(byte[] line) {
        byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        return withNewline;
    }
}
