package io.streamingdata.msk.forwarder.delivery;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TimestampType;
import io.streamingdata.msk.records.TopicPartition;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordPackerTest {

    @Test
    void shouldSendOneFirehoseRecordPerLineWithoutAggregation() {
        List<EncodedRecord> lines = lines(3, 10);

        List<PackedRecord> packed = new RecordPacker(false, 1_024_000).pack(lines);

        assertEquals(3, packed.size());
        assertEquals(records(lines, 2, 3), packed.get(2).records());
        assertArrayEquals(withNewline(lines.get(2).line()), packed.get(2).data());
    }

    @Test
    void shouldPackConsecutiveLinesUpToTheLimitKeepingEveryByteInOrder() {
        List<EncodedRecord> lines = lines(100, 99);

        List<PackedRecord> packed = new RecordPacker(true, 1000).pack(lines);

        assertEquals(10, packed.size(), "ten 99-byte lines and their newlines fill a 1000-byte record exactly");
        assertTrue(packed.stream().allMatch(record -> record.data().length <= 1000));
        ByteArrayOutputStream joinedPacked = new ByteArrayOutputStream();
        packed.forEach(record -> joinedPacked.writeBytes(record.data()));
        ByteArrayOutputStream joinedLines = new ByteArrayOutputStream();
        lines.forEach(line -> joinedLines.writeBytes(withNewline(line.line())));
        assertArrayEquals(joinedLines.toByteArray(), joinedPacked.toByteArray(), "S3 receives the same bytes");
        assertEquals(records(lines, 10, 20), packed.get(1).records());
    }

    @Test
    void shouldGiveALineLargerThanTheAggregationLimitARecordOfItsOwn() {
        List<EncodedRecord> lines = List.of(line(0, 10), line(1, 5000), line(2, 10));

        List<PackedRecord> packed = new RecordPacker(true, 1000).pack(lines);

        assertEquals(3, packed.size());
        assertEquals(records(lines, 1, 2), packed.get(1).records());
    }

    @Test
    void shouldPackNothingFromNothing() {
        assertTrue(new RecordPacker(true, 1000).pack(List.of()).isEmpty());
    }

    static List<EncodedRecord> lines(int count, int size) {
        List<EncodedRecord> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(line(i, size));
        }
        return lines;
    }

    /** A line of {@code size} bytes that starts with its index, made from a record at that offset. */
    static EncodedRecord line(int index, int size) {
        byte[] line = new byte[size];
        byte[] label = Integer.toString(index).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            line[i] = i < label.length ? label[i] : (byte) 'x';
        }
        KafkaRecord record = new KafkaRecord(
                new TopicPartition("orders", 0), index, 0L, TimestampType.CREATE_TIME, null, line, List.of());
        return new EncodedRecord(record, line);
    }

    static List<KafkaRecord> records(List<EncodedRecord> lines, int from, int to) {
        return lines.subList(from, to).stream().map(EncodedRecord::record).toList();
    }

    static byte[] withNewline(byte[] line) {
        byte[] withNewline = java.util.Arrays.copyOf(line, line.length + 1);
        withNewline[line.length] = '\n';
        return withNewline;
    }
}
