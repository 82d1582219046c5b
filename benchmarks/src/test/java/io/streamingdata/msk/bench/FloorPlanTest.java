package io.streamingdata.msk.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FloorPlanTest {

    @Test
    void readsEveryValueOfEveryPartitionInOrderAndSkipsNullValues() throws Exception {
        String event = "{\"eventSource\":\"aws:kafka\",\"records\":{"
                + "\"t-0\":[{\"offset\":1,\"key\":\"" + b64("k") + "\",\"value\":\"" + b64("a") + "\","
                + "\"headers\":[{\"value\":[1,2]}]},{\"value\":null}],"
                + "\"t-1\":[{\"value\":\"" + b64("b") + "\"}]}}";
        List<byte[]> values = FloorPlan.values(event.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, values.size());
        assertArrayEquals("a".getBytes(StandardCharsets.UTF_8), values.get(0));
        assertArrayEquals("b".getBytes(StandardCharsets.UTF_8), values.get(1));
    }

    @Test
    void packsWholeLinesIntoRecordsNoLargerThanTheLimit() {
        List<byte[]> values = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            values.add(new byte[99]);
        }
        List<byte[]> records = FloorPlan.pack(values, 250);
        assertEquals(5, records.size());
        records.forEach(r -> assertEquals(200, r.length));
        assertEquals('\n', records.get(0)[99]);
    }

    @Test
    void spreadsRecordsOverAtLeastAsManyCallsAsRunInParallelWithinTheApiLimits() {
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            records.add(new byte[1_000_000]);
        }
        assertEquals(4, FloorPlan.spread(records, 4).size());
        assertEquals(1, FloorPlan.spread(records, 1).size());
        List<byte[]> many = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            many.add(new byte[10]);
        }
        List<List<byte[]>> calls = FloorPlan.spread(many, 1);
        assertEquals(3, calls.size());
        assertTrue(calls.stream().allMatch(c -> c.size() <= FloorPlan.MAX_RECORDS_PER_CALL));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
