package io.streamingdata.msk.restore;

import io.streamingdata.msk.records.EnvelopeReader;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the objects of the window's hours (and the dead letters, if asked) into a {@link RestoreSet}, printing
 * progress. A line that is not an envelope means a {@code value}-format backup: without --values-only the scan stops
 * there, before anything is produced.
 */
final class BackupScanner {

    static final String VALUE_FORMAT = "%s line %d is not an envelope: this backup was written with "
            + "OUTPUT_FORMAT=value, which keeps only each record's value (no key, headers, partition, offset or "
            + "timestamp), so it cannot be restored faithfully and nothing was produced. Set OUTPUT_FORMAT=envelope on "
            + "the forwarder for the backups to come; to produce these values alone (new timestamps, partitions "
            + "chosen by the producer, no de-duplication), run again with --values-only --target-topic TOPIC "
            + "(and --key-slack 0, as value lines carry no time of their own). If the objects are compressed in "
            + "another format than GZIP, they cannot be read either.";
    static final String NO_OBJECTS = "no backup objects in s3://%s under %s for %s to %s (UTC hours %s to %s): check "
            + "--bucket, --prefix (as configured on the delivery stream) and the window; Firehose names objects by "
            + "the UTC hour it received the records, so widen --key-slack if the forwarder was behind";

    private final BackupStore backup;
    private final BackupStore deadLetterStore;
    private final RestoreOptions options;
    private final PrintStream progress;
    private long objects;
    private long deadLetters;
    private long lines;

    BackupScanner(BackupStore backup, BackupStore deadLetterStore, RestoreOptions options, PrintStream progress) {
        this.backup = backup;
        this.deadLetterStore = deadLetterStore;
        this.options = options;
        this.progress = progress;
    }

    long objects() {
        return objects;
    }

    long deadLetters() {
        return deadLetters;
    }

    RestoreSet scan() {
        RestoreSet set = new RestoreSet(new RestoreSet.Selection(
                options.from.toEpochMilli(),
                options.to.toEpochMilli(),
                options.topic.orElse(null),
                options.partition.isPresent() ? options.partition.getAsInt() : null,
                options.fromOffset.isPresent() ? options.fromOffset.getAsLong() : null,
                options.toOffset.isPresent() ? options.toOffset.getAsLong() : null));
        Instant firstHour = options.from.truncatedTo(ChronoUnit.HOURS).minus(options.keySlackHours, ChronoUnit.HOURS);
        Instant lastHour =
                options.to.minusMillis(1).truncatedTo(ChronoUnit.HOURS).plus(options.keySlackHours, ChronoUnit.HOURS);
        Set<String> keys = new LinkedHashSet<>();
        List<HourPrefixes.Listing> listings = HourPrefixes.parse(options.prefix).listings(firstHour, lastHour);
        for (HourPrefixes.Listing listing : listings) {
            keys.addAll(backup.keys(listing));
        }
        List<String> letterKeys = options.deadLetters ? deadLetterKeys() : List.of();
        if (keys.isEmpty() && letterKeys.isEmpty()) {
            throw new UserMistake(NO_OBJECTS.formatted(
                    backup.bucket(),
                    listings.get(0).listPrefix() + "...",
                    options.from,
                    options.to,
                    firstHour,
                    lastHour));
        }
        progress.printf(
                "restore: %d backup objects%s to read%n",
                keys.size(), options.deadLetters ? " and " + letterKeys.size() + " dead letters" : "");
        for (String key : keys) {
            readObject(key, set);
            objects++;
            if (objects % options.progressObjects == 0) {
                progress.printf(
                        "restore: read %d/%d objects, %d lines, %d records kept, %d duplicates%n",
                        objects, keys.size(), lines, set.records(), set.duplicates());
            }
        }
        for (String key : letterKeys) {
            String where = "s3://" + deadLetterStore.bucket() + "/" + key;
            EnvelopeReader.Line letter = EnvelopeReader.readDeadLetter(deadLetterStore.readAll(key));
            if (letter instanceof EnvelopeReader.Envelope envelope) {
                set.offer(envelope.record());
            } else if (letter instanceof EnvelopeReader.Malformed malformed) {
                set.unrestorable(where, malformed.reason());
            }
            deadLetters++;
        }
        return set;
    }

    private void readObject(String key, RestoreSet set) {
        String where = "s3://" + backup.bucket() + "/" + key;
        long[] number = {0};
        backup.readLines(key, line -> {
            number[0]++;
            lines++;
            EnvelopeReader.Line read = EnvelopeReader.read(line);
            if (read instanceof EnvelopeReader.Envelope envelope) {
                set.offer(envelope.record());
            } else if (read instanceof EnvelopeReader.Malformed malformed) {
                set.unrestorable(where + " line " + number[0], malformed.reason());
            } else if (!options.valuesOnly) {
                throw new UserMistake(VALUE_FORMAT.formatted(where, number[0]));
            } else {
                set.offerValue(ValueLines.decode(line));
            }
        });
    }

    /** Dead letters are keyed {@code <prefix><topic>/<partition>/<offset>.json}: narrowed by key before reading. */
    private List<String> deadLetterKeys() {
        String prefix = options.deadLetterPrefix
                + options.topic.map(t -> t + "/").orElse("")
                + (options.topic.isPresent() && options.partition.isPresent()
                        ? options.partition.getAsInt() + "/"
                        : "");
        List<String> keys = new ArrayList<>();
        for (S3Object object : deadLetterStore.list(prefix)) {
            String[] parts =
                    object.key().substring(options.deadLetterPrefix.length()).split("/");
            if (parts.length < 3 || !parts[parts.length - 1].endsWith(".json")) {
                continue;
            }
            try {
                long offset = Long.parseLong(parts[parts.length - 1].replace(".json", ""));
                if (options.fromOffset.isPresent() && offset < options.fromOffset.getAsLong()
                        || options.toOffset.isPresent() && offset > options.toOffset.getAsLong()) {
                    continue;
                }
            } catch (NumberFormatException e) {
                continue;
            }
            keys.add(object.key());
        }
        return keys;
    }
}
