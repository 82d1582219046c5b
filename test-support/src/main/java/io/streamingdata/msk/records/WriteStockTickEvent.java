package io.streamingdata.msk.records;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Usage: {@code WriteStockTickEvent FILE [RECORDS] [VALUE_BYTES] [PARTITIONS]}: writes the benchmark MSK event. */
public final class WriteStockTickEvent {

    public static void main(String[] args) throws IOException {
        int records = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        int valueBytes = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int partitions = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        byte[] event = StockTicks.event(records, valueBytes, partitions);
        Files.write(Path.of(args[0]), event);
        System.out.printf(
                "event: %d records of %d-byte values over %d partitions, %.2f MB%n",
                records, valueBytes, partitions, event.length / 1e6);
    }
}
