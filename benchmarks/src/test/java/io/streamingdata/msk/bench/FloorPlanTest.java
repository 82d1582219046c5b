package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorPlanTest {

    @Test
    void valueLinesAreEveryValueOfEveryPartitionInOrderWithoutTombstones() {
        byte[] event = event("\"t-0\":[" + record(1, b64("a")) + "," + record(2, "null") + "],\"t-1\":["
                + record(3, b64("b")) + "]");
        assertEquals(List.of(List.of("a\nb\n")), text(FloorPlan.calls(event, "value", 1000, 4)));
    }

    @Test
    void envelopeLinesCarryEveryRecordTombstonesIncludedWithItsCoordinatesAndValue() {
        byte[] event = event("\"t-0\":[" + record(1, b64("{\"price\":1.10}")) + "," + record(2, "null") + "]");
        assertEquals(
                List.of(List.of("{\"topic\":\"t\",\"partition\":0,\"offset\":1,\"timestamp\":1700000000000,"
                        + "\"timestampType\":\"CREATE_TIME\",\"key\":null,\"value\":{\"price\":1.10},"
                        + "\"valueFormat\":\"json\",\"valueSize\":14}\n"
                        + "{\"topic\":\"t\",\"partition\":0,\"offset\":2,\"timestamp\":1700000000000,"
                        + "\"timestampType\":\"CREATE_TIME\",\"key\":null,\"value\":null,\"valueSize\":0}\n")),
                text(FloorPlan.calls(event, "envelope", 1_000_000, 4)));
    }

    @Test
    void linesArePackedUpToTheRecordSizeAndSpreadOverParallelCalls() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            records.append(i == 0 ? "" : ",").append(record(i, b64("x".repeat(99))));
        }
        // Lines of 100 bytes with their newline, two to a record of at most 250 bytes, one record per call.
        List<List<String>> calls = text(FloorPlan.calls(event("\"t-0\":[" + records + "]"), "value", 250, 4));
        assertEquals(4, calls.size());
        calls.forEach(call -> assertEquals(List.of(("x".repeat(99) + "\n").repeat(2)), call));
    }

    @Test
    void refusesAFormatTheForwarderDoesNotHave() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> FloorPlan.calls(event("\"t-0\":[" + record(1, b64("v")) + "]"), "lines", 1000, 4));
        assertEquals("OUTPUT_FORMAT is envelope or value, not lines", refused.getMessage());
    }

    private static byte[] event(String partitions) {
        return ("{\"eventSource\":\"aws:kafka\",\"records\":{" + partitions + "}}").getBytes(StandardCharsets.UTF_8);
    }

    private static String record(long offset, String value) {
        return "{\"topic\":\"t\",\"partition\":0,\"offset\":" + offset + ",\"timestamp\":1700000000000,"
                + "\"timestampType\":\"CREATE_TIME\",\"key\":null,\"value\":" + value + ",\"headers\":[]}";
    }

    private static List<List<String>> text(List<List<byte[]>> calls) {
        return calls.stream()
                .map(call -> call.stream()
                        .map(data -> new String(data, StandardCharsets.UTF_8))
                        .toList())
                .toList();
    }

    private static String b64(String s) {
        return "\"" + Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)) + "\"";
    }
}
