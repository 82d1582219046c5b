package io.streamingdata.msk.logger;

import com.fasterxml.jackson.core.JsonFactory;
import io.streamingdata.msk.logger.RecordLineWriter.PartitionRange;
import io.streamingdata.msk.records.BatchEntry;
import io.streamingdata.msk.records.InvalidKafkaEventException;
import io.streamingdata.msk.records.Json;
import io.streamingdata.msk.records.KafkaBatch;
import io.streamingdata.msk.records.KafkaEventDecoder;
import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.PayloadFormat;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.UndecodableRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs a batch: one line per record, one summary line per batch. A record never fails the batch: tombstones, binary
 * values and undecodable records are logged as such, and even a record that cannot be formatted leaves an error
 * line and lets the others through.
 */
@ApplicationScoped
public class RecordLoggingService {

    private final LogSink sink;
    private final LoggerConfig config;
    private final JsonFactory lines;

    @Inject
    public RecordLoggingService(LogSink sink, LoggerConfig config) {
        this(sink, config, Json.FACTORY);
    }

    /** With the factory of the lines' generators, which tests replace with one that fails. */
    RecordLoggingService(LogSink sink, LoggerConfig config, JsonFactory lines) {
        this.sink = sink;
        this.config = config;
        this.lines = lines;
    }

    public LogSummary log(KafkaBatch batch) {
        if (batch == null) {
            throw new InvalidKafkaEventException(KafkaEventDecoder.NO_EVENT);
        }
        long started = System.nanoTime();
        int logged = 0;
        int tombstones = 0;
        int binary = 0;
        int undecodable = 0;
        long bytes = 0;
        Map<TopicPartition, PartitionRange> partitions = new LinkedHashMap<>();
        TopicPartition current = null;
        PartitionRange range = null;
        try (RecordLineWriter writer = new RecordLineWriter(
                sink, config.maxKeyBytes(), config.maxValueBytes(), config.maxLineBytes(), lines)) {
            for (BatchEntry entry : batch.entries()) {
                // An event lists a partition's records together, so the map is looked up once per partition.
                if (!entry.topicPartition().equals(current)) {
                    current = entry.topicPartition();
                    range = partitions.computeIfAbsent(current, partition -> new PartitionRange());
                }
                range.add(entry.offset());
                try {
                    if (entry instanceof KafkaRecord record) {
                        PayloadFormat format = writer.writeRecord(record);
                        logged++;
                        bytes += record.payloadSize();
                        tombstones += record.isTombstone() ? 1 : 0;
                        binary += format == PayloadFormat.BASE64 ? 1 : 0;
                    } else if (entry instanceof UndecodableRecord failure) {
                        writer.writeUndecodable(failure);
                        undecodable++;
                    }
                } catch (IOException | RuntimeException e) {
                    writer.writeUnloggable(
                            entry.topicPartition().topic(),
                            entry.topicPartition().partition(),
                            entry.offset(),
                            e);
                }
            }
            LogSummary summary = new LogSummary(
                    batch.size(),
                    logged,
                    tombstones,
                    binary,
                    undecodable,
                    bytes,
                    partitions.size(),
                    (System.nanoTime() - started) / 1_000_000);
            writer.writeSummary(batch.source().name(), summary, partitions);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
