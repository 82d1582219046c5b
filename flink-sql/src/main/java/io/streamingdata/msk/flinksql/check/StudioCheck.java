package io.streamingdata.msk.flinksql.check;

import io.streamingdata.msk.flinksql.AccessControl;
import io.streamingdata.msk.flinksql.FlinkSqlJob;
import io.streamingdata.msk.flinksql.JobParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.table.api.TableResult;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The local check behind scripts/studio-check: produces a known set of ticks to a new topic on a running broker,
 * runs the pattern's SQL files unchanged on the local mini cluster of whichever Flink is on the classpath
 * (parameters only: a PLAINTEXT broker, a sink on the local disk), and verifies the output.
 *
 * <p>Two renderings, chosen with {@code --sql}: {@code application}, the Managed Flink application's, with the source
 * bounded at the topic's end so the job finishes and commits by itself; and {@code notebook}, the Studio note's
 * ({@link StudioNote}), whose source never ends: the check waits until the job has consumed and checkpointed the
 * whole topic, then stops it with a drained savepoint, which ends event time and so commits every partition, as
 * stopping a notebook paragraph does.
 *
 * <p>Exit status: 0 when the output is right, 1 when it is wrong or the job failed, 2 for usage errors.
 */
public final class StudioCheck {

    static final String PREFIX = "stock-ticks";
    static final String SQL_APPLICATION = "application";
    static final String SQL_NOTEBOOK = "notebook";
    private static final long JOB_TIMEOUT_SECONDS = 240;
    private static final long POLL_MILLIS = 500;
    private static final String USAGE =
            "usage: StudioCheck --bootstrap-servers HOST:PORT --out DIR [--sql application|notebook] [--ticks N] [--seed S] [--topic T]";

    private StudioCheck() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, String> options;
        try {
            options = JobParameters.parseArgs(args);
            for (String required : List.of("bootstrap_servers", "out")) {
                if (!options.containsKey(required)) {
                    throw new IllegalArgumentException("--" + required.replace('_', '-') + " is required");
                }
            }
            String sql = options.getOrDefault("sql", SQL_APPLICATION);
            if (!List.of(SQL_APPLICATION, SQL_NOTEBOOK).contains(sql)) {
                throw new IllegalArgumentException(
                        "--sql must be " + SQL_APPLICATION + " or " + SQL_NOTEBOOK + ", not '" + sql + "'");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("studio-check: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        try {
            return check(options);
        } catch (IllegalArgumentException e) {
            System.err.println("studio-check: " + e.getMessage());
            return 2;
        }
    }

    private static int check(Map<String, String> options) {
        String bootstrap = options.get("bootstrap_servers");
        Path out = Paths.get(options.get("out")).toAbsolutePath().normalize();
        int count = Integer.parseInt(options.getOrDefault("ticks", "300"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20260115"));
        String topic = options.getOrDefault("topic", "studio-check-" + System.currentTimeMillis());
        boolean notebook = SQL_NOTEBOOK.equals(options.getOrDefault("sql", SQL_APPLICATION));
        requireEmpty(out);

        TickSet ticks = TickSet.generate(count, seed);
        log(
                "topic %s on %s: producing %d records (%d ticks, %d malformed, %d late)",
                topic,
                bootstrap,
                ticks.records().size(),
                ticks.ticks().size(),
                ticks.malformed(),
                ticks.late().size());
        createTopic(bootstrap, topic);
        try {
            produce(bootstrap, topic, ticks);
            long started = System.nanoTime();
            log(
                    "running the %s SQL on the local mini cluster of Flink %s, sink at %s",
                    notebook ? "Studio note's" : "application's", EnvironmentInformation.getVersion(), out.toUri());
            if (notebook) {
                runNotebook(bootstrap, topic, out);
            } else {
                runApplication(bootstrap, topic, out);
            }
            log("job finished in %.1f s", (System.nanoTime() - started) / 1e9);
        } catch (JobFailedException e) {
            System.err.println("studio-check: the Flink job failed: " + e.getMessage());
            return 1;
        } finally {
            deleteTopic(bootstrap, topic);
        }
        OutputVerifier.Result result = new OutputVerifier().verify(out.resolve(PREFIX), ticks.expected());
        report(ticks, result);
        return result.ok() ? 0 : 1;
    }

    /** The application's rendering, bounded at the topic's end: the job ends by itself. */
    private static void runApplication(String bootstrap, String topic, Path out) throws JobFailedException {
        Map<String, String> settings = settings(bootstrap, topic, out);
        settings.put(JobParameters.BOUNDED_MODE, "latest-offset");
        TableResult result = start(() -> FlinkSqlJob.run(JobParameters.of(settings), true, configuration()));
        awaitEnd(result);
    }

    /**
     * The Studio note's rendering, which never ends: once the job has committed the topic's end offset (it commits
     * on completed checkpoints, so every record is in the sink's files), a drained stop ends event time, which
     * commits every partition, and finishes the job.
     */
    private static void runNotebook(String bootstrap, String topic, Path out) throws JobFailedException {
        Map<String, Long> end = endOffsets(bootstrap, topic);
        TableResult result = start(() -> FlinkSqlJob.execute(
                StudioNote.of(settings(bootstrap, topic, out)).statements(), configuration()));
        JobClient job = result.getJobClient().orElseThrow(() -> new JobFailedException("the insert started no job"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOB_TIMEOUT_SECONDS);
        try (Admin admin = Admin.create(clientProperties(bootstrap))) {
            while (!consumed(admin, topic, end)) {
                if (job.getJobExecutionResult().isDone()) {
                    awaitEnd(result);
                    throw new JobFailedException("the job ended before it had read the whole topic");
                }
                if (System.nanoTime() > deadline) {
                    job.cancel();
                    throw new JobFailedException(
                            "the topic was not consumed within " + JOB_TIMEOUT_SECONDS + " s (cancelled)");
                }
                pause();
            }
        }
        log("topic consumed up to offsets %s: stopping the job with a drained savepoint", end);
        Path savepoints = null;
        try {
            savepoints = Files.createTempDirectory("studio-check-savepoint");
            job.stopWithSavepoint(true, savepoints.toUri().toString(), SavepointFormatType.DEFAULT)
                    .get(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            job.cancel();
            throw new JobFailedException("the drained stop failed: " + rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailedException("interrupted");
        } finally {
            deleteTree(savepoints);
        }
        awaitEnd(result);
    }

    private static Map<String, String> settings(String bootstrap, String topic, Path out) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(JobParameters.TOPIC, topic);
        settings.put(JobParameters.BOOTSTRAP_SERVERS, bootstrap);
        settings.put(JobParameters.ACCESS_CONTROL, AccessControl.PLAINTEXT.value());
        settings.put(JobParameters.OUTPUT_URI, out.toUri().toString().replaceAll("/+$", ""));
        settings.put(JobParameters.OUTPUT_PREFIX, PREFIX);
        settings.put(JobParameters.GROUP_ID, topic);
        settings.put(JobParameters.CHECKPOINT_INTERVAL, "2 s");
        return settings;
    }

    private static Configuration configuration() {
        Configuration configuration = new Configuration();
        // Flink 1.15 reads only "restart-strategy"; 1.20 reads "restart-strategy.type" and, without it, warns that
        // the older key is deprecated.
        configuration.setString("restart-strategy", "none");
        configuration.setString("restart-strategy.type", "none");
        configuration.setString("rest.bind-address", "127.0.0.1");
        configuration.setString("rest.address", "127.0.0.1");
        configuration.setString("rest.bind-port", "0");
        configuration.setString("parallelism.default", "1");
        return configuration;
    }

    /** Runs the statements; a statement Flink rejects (an unsupported option, say) fails the check, not the JVM. */
    private static TableResult start(Supplier<TableResult> statements) throws JobFailedException {
        try {
            return statements.get();
        } catch (RuntimeException e) {
            throw new JobFailedException(rootCause(e));
        }
    }

    private static void awaitEnd(TableResult result) throws JobFailedException {
        try {
            result.await(JOB_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            result.getJobClient().ifPresent(client -> client.cancel());
            throw new JobFailedException("no result within " + JOB_TIMEOUT_SECONDS + " s (cancelled)");
        } catch (ExecutionException e) {
            throw new JobFailedException(rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailedException("interrupted");
        }
    }

    private static void report(TickSet ticks, OutputVerifier.Result result) {
        System.out.println();
        System.out.println("partition                              rows  committed");
        for (Map.Entry<String, Integer> partition : result.rowsPerPartition().entrySet()) {
            System.out.printf(
                    "%-38s %5d  %s%n",
                    partition.getKey(),
                    partition.getValue(),
                    result.committed().get(partition.getKey()) ? "yes" : "NO");
        }
        long lateQualifying = ticks.late().stream().filter(Tick::qualifies).count();
        long lateInPlace = ticks.late().stream()
                .filter(Tick::qualifies)
                .filter(result.written()::contains)
                .count();
        System.out.println();
        System.out.printf(
                "rows written:      %d in %d partitions (%d committed)%n",
                result.rows(),
                result.rowsPerPartition().size(),
                result.committed().values().stream().filter(c -> c).count());
        System.out.printf(
                "qualifying ticks:  %d of %d well-formed ticks have price > 50%n",
                ticks.expected().size(), ticks.ticks().size());
        System.out.printf(
                "malformed ticks:   %d produced, skipped by the source (none may be written)%n", ticks.malformed());
        System.out.printf(
                "late ticks:        %d behind the watermark, %d above 50, %d of those written to their own hour%n",
                ticks.late().size(), lateQualifying, lateInPlace);
        if (result.ok()) {
            System.out.println("studio-check: OK, every qualifying tick written exactly once");
        } else {
            System.out.printf(
                    "studio-check: FAILED, %d problem(s):%n", result.problems().size());
            result.problems().stream().limit(30).forEach(problem -> System.out.println("  - " + problem));
        }
    }

    private static void requireEmpty(Path out) {
        if (Files.exists(out)) {
            try (var entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            "--out " + out + " is not empty: the check needs a fresh directory");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("--out " + out + " is not a readable directory");
            }
        }
    }

    private static Properties clientProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return properties;
    }

    private static void createTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(clientProperties(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot create topic " + topic + " on " + bootstrap + ": " + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The offset after each partition's last record, by partition number. */
    private static Map<String, Long> endOffsets(String bootstrap, String topic) {
        try (Admin admin = Admin.create(clientProperties(bootstrap))) {
            List<TopicPartition> partitions =
                    admin
                            .describeTopics(List.of(topic))
                            .all()
                            .get(30, TimeUnit.SECONDS)
                            .get(topic)
                            .partitions()
                            .stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .collect(Collectors.toList());
            Map<TopicPartition, OffsetSpec> latest =
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            Map<String, Long> end = new TreeMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(30, TimeUnit.SECONDS)
                    .forEach((partition, info) -> end.put(String.valueOf(partition.partition()), info.offset()));
            return end;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Whether the job's consumer group (named after the topic) has committed every partition's end offset. */
    private static boolean consumed(Admin admin, String topic, Map<String, Long> end) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(topic)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS);
            return end.entrySet().stream().allMatch(e -> {
                OffsetAndMetadata offset = committed.get(new TopicPartition(topic, Integer.parseInt(e.getKey())));
                return offset != null && offset.offset() >= e.getValue();
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "cannot read the committed offsets of group " + topic + ": " + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() throws JobFailedException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobFailedException("interrupted");
        }
    }

    private static void deleteTree(Path root) {
        if (root == null) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("studio-check: could not delete " + root + ": " + e.getMessage());
        }
    }

    private static void deleteTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(clientProperties(bootstrap))) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("studio-check: could not delete topic " + topic + ": " + rootCause(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void produce(String bootstrap, String topic, TickSet ticks) {
        Properties properties = clientProperties(bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            for (String record : ticks.records()) {
                sent.add(producer.send(new ProducerRecord<>(topic, record)));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot produce to " + topic + ": " + rootCause(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static void log(String format, Object... args) {
        System.out.println("studio-check: " + String.format(format, args));
    }

    private static final class JobFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        JobFailedException(String message) {
            super(message);
        }
    }
}
