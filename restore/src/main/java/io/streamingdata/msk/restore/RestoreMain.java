package io.streamingdata.msk.restore;

import io.streamingdata.msk.records.KafkaRecord;
import io.streamingdata.msk.records.TopicPartition;
import io.streamingdata.msk.records.consumer.KafkaSecuritySettings;
import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * {@code scripts/restore}: reads the backup (and optionally the dead letters) for a window, then either reports
 * what it found ({@code --dry-run}) or produces it into Kafka, and ends with one summary line on standard output.
 */
public final class RestoreMain {

    static final String SEVERAL_TOPICS = "the selection holds records of the topics %s, and --target-topic would mix "
            + "them (their offsets overlap): add --topic to restore one at a time";

    private final PrintStream out;
    private final PrintStream err;
    private final Function<String, String> environment;

    RestoreMain(PrintStream out, PrintStream err, Function<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new RestoreMain(System.out, System.err, System::getenv).run(args));
    }

    /** Runs the command; the exit status: 0 all restored, 1 something was not, 2 a mistake in the flags. */
    int run(String[] args) {
        RestoreOptions options;
        try {
            options = RestoreOptions.parse(args, environment, Instant.now());
        } catch (RestoreOptions.UsageError e) {
            err.println("restore: " + e.getMessage());
            err.println("Run scripts/restore --help for the flags.");
            return 2;
        }
        if (options.help) {
            out.print(RestoreOptions.USAGE);
            return 0;
        }
        try (S3Client s3 = s3(options)) {
            return restore(options, s3);
        } catch (RestoreOptions.UsageError e) {
            err.println("restore: " + e.getMessage());
            return 2;
        } catch (UserMistake e) {
            err.println("restore: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("restore: " + e.getMessage()); // the Kafka security settings
            return 2;
        } catch (RuntimeException e) {
            err.println("restore: failed: " + e);
            return 1;
        }
    }

    private int restore(RestoreOptions options, S3Client s3) {
        String endpoint = options.s3Endpoint.orElse("AWS S3");
        BackupStore backup = new BackupStore(s3, options.bucket, endpoint);
        BackupStore letters = new BackupStore(s3, options.deadLetterBucketName(), endpoint);
        BackupScanner scanner = new BackupScanner(backup, letters, options, err);
        RestoreSet set = scanner.scan();
        for (String problem : set.problems()) {
            err.println("restore: cannot restore " + problem);
        }
        if (set.unrestorable() > set.problems().size()) {
            err.println(
                    "restore: ... and " + (set.unrestorable() - set.problems().size()) + " more not restorable");
        }
        Map<TopicPartition, List<KafkaRecord>> records = set.byPartition();
        if (options.dryRun) {
            set.report().forEach(out::println);
            out.printf(
                    "dry-run would-restore=%d duplicates-skipped=%d filtered=%d objects=%d dead-letters=%d "
                            + "unrestorable=%d%n",
                    set.records(),
                    set.duplicates(),
                    set.filtered(),
                    scanner.objects(),
                    scanner.deadLetters(),
                    set.unrestorable());
            return set.unrestorable() == 0 ? 0 : 1;
        }
        Set<String> sourceTopics = new TreeSet<>();
        records.keySet().forEach(tp -> sourceTopics.add(tp.topic()));
        if (options.targetTopic.isPresent() && sourceTopics.size() > 1) {
            throw new UserMistake(SEVERAL_TOPICS.formatted(sourceTopics));
        }
        KafkaTarget.Outcome outcome = new KafkaTarget.Outcome(0, 0, List.of());
        if (set.records() > 0) {
            try (KafkaTarget target = new KafkaTarget(
                    options.bootstrapServers.orElseThrow(),
                    KafkaSecuritySettings.fromEnvironment(environment),
                    options.kafkaTimeoutSeconds,
                    err)) {
                target.prepare(needed(options, set), options.keepPartition, options.createTopic, oldest(records));
                outcome = target.produce(
                        records,
                        set.values(),
                        options.targetTopic.orElse(null),
                        options.keepPartition,
                        set.records(),
                        options.progressRecords);
            }
        }
        outcome.errors().forEach(error -> err.println("restore: not produced " + error));
        out.printf(
                "restored=%d duplicates-skipped=%d filtered=%d objects=%d dead-letters=%d unrestorable=%d "
                        + "failed=%d%n",
                outcome.acked(),
                set.duplicates(),
                set.filtered(),
                scanner.objects(),
                scanner.deadLetters(),
                set.unrestorable(),
                outcome.failed());
        return set.unrestorable() == 0 && outcome.failed() == 0 && outcome.acked() == set.records() ? 0 : 1;
    }

    private static Map<String, Integer> needed(RestoreOptions options, RestoreSet set) {
        Map<String, Integer> needed = new TreeMap<>();
        set.partitionsNeeded()
                .forEach((topic, partitions) -> needed.merge(options.targetTopic.orElse(topic), partitions, Math::max));
        options.targetTopic.ifPresent(topic -> needed.putIfAbsent(topic, 0));
        return needed;
    }

    private static long oldest(Map<TopicPartition, List<KafkaRecord>> records) {
        return records.values().stream()
                .flatMap(List::stream)
                .mapToLong(KafkaRecord::timestamp)
                .filter(t -> t > 0)
                .min()
                .orElse(0);
    }

    private static S3Client s3(RestoreOptions options) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .forcePathStyle(options.pathStyle);
        options.region.ifPresent(region -> builder.region(Region.of(region)));
        options.s3Endpoint.ifPresent(endpoint -> {
            try {
                builder.endpointOverride(URI.create(endpoint));
                // S3-compatible servers differ in the checksum headers they know; AWS gets the SDK's defaults.
                builder.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
            } catch (IllegalArgumentException e) {
                throw new RestoreOptions.UsageError("--s3-endpoint " + endpoint + " is not a URL");
            }
        });
        try {
            return builder.build();
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            throw new UserMistake(
                    "cannot set up the S3 client: " + e.getMessage() + " (set --region or AWS_REGION)", e);
        }
    }
}
