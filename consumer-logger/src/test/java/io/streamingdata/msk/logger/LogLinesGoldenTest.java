package io.streamingdata.msk.logger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.streamingdata.msk.records.EventFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The log lines of every decodable fixture, at the default limits and at small ones (keys, values and headers cut),
 * byte for byte as a golden file keeps them, the summary's duration aside. After a change to the lines that is
 * meant, {@code -Dgolden.write=true} rewrites the file, and its diff is the change.
 */
class LogLinesGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "log-lines.jsonl");

    @Test
    void shouldWriteTheLinesTheGoldenFileHolds() throws IOException {
        StringBuilder actual = new StringBuilder();
        for (LoggerConfig limits :
                List.of(LogLineLimitsTest.config(8192, 1024, 256_000), LogLineLimitsTest.config(6, 3, 4096))) {
            for (String fixture : EventFixtures.DECODABLE) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                LogSink sink = new LogSink() {
                    @Override
                    public void write(byte[] buffer, int offset, int length) {
                        out.write(buffer, offset, length);
                    }

                    @Override
                    public void flush() {}
                };
                new RecordLoggingService(sink, limits).log(EventFixtures.decode(fixture));
                actual.append("# ")
                        .append(fixture)
                        .append(", values cut at ")
                        .append(limits.maxValueBytes())
                        .append('\n')
                        .append(out.toString(StandardCharsets.UTF_8)
                                .replaceAll("\"durationMs\":\\d+", "\"durationMs\":0"));
            }
        }
        if (Boolean.getBoolean("golden.write")) {
            Files.writeString(GOLDEN, actual);
        }

        assertEquals(Files.readString(GOLDEN), actual.toString());
    }
}
