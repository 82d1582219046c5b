package io.streamingdata.msk.forwarder.delivery;

import io.streamingdata.msk.forwarder.failure.Failure;
import io.streamingdata.msk.forwarder.failure.Failure.Cause;
import io.streamingdata.msk.records.KafkaRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchRequest;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponse;
import software.amazon.awssdk.services.firehose.model.PutRecordBatchResponseEntry;
import software.amazon.awssdk.services.firehose.model.Record;

/**
 * Sends records with PutRecordBatch, calls in parallel up to the executor's size, and resends exactly the entries
 * that failed: those a response marks with an error code (matched by position) and all entries of a call that failed
 * as a whole (throttling, 5xx, timeouts). Rounds repeat with jittered backoff until everything is accepted or the
 * {@link RetryPolicy} says stop; what is left is reported, record by record, never dropped.
 */
public final class FirehoseDelivery {

    private static final Logger LOG = Logger.getLogger(FirehoseDelivery.class);
    /** A long outage in consumer mode logs a warning this often, in attempts, and a debug line between. */
    private static final int WARN_EVERY_ATTEMPTS = 20;

    private final FirehoseClient client;
    private final ExecutorService executor;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;
    private final int parallelism;

    /** @param parallelism the executor's thread count: calls are planned to keep that many busy */
    public FirehoseDelivery(
            FirehoseClient client,
            ExecutorService executor,
            int parallelism,
            RetryPolicy retryPolicy,
            Sleeper sleeper) {
        this.client = client;
        this.executor = executor;
        this.parallelism = parallelism;
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    public DeliveryReport deliver(String stream, List<PackedRecord> records, Deadline deadline) {
        List<PackedRecord> pending = records;
        List<Rejected> failed = List.of();
        int attempts = 0;
        int calls = 0;
        int retried = 0;
        long bytes = 0;
        while (!pending.isEmpty()) {
            attempts++;
            if (attempts > 1) {
                retried += pending.size();
            }
            List<List<PackedRecord>> plan = CallPlanner.plan(pending, parallelism);
            calls += plan.size();
            for (PackedRecord record : pending) {
                bytes += record.data().length;
            }
            failed = sendRound(stream, plan, deadline);
            if (failed.isEmpty()) {
                pending = List.of();
                break;
            }
            long wait = retryPolicy.backoffMillis(attempts);
            if (!retryPolicy.mayRetry(attempts, wait, deadline)) {
                break;
            }
            LOG.logf(
                    attempts % WARN_EVERY_ATTEMPTS == 0 ? Logger.Level.WARN : Logger.Level.DEBUG,
                    "Attempt %d: %d of %d records not accepted by %s (%s); retrying in %d ms",
                    attempts,
                    failed.size(),
                    pending.size(),
                    stream,
                    failed.get(0).error(),
                    wait);
            if (!pause(wait)) {
                break;
            }
            pending = failed.stream().map(Rejected::record).toList();
        }
        return new DeliveryReport(pending.isEmpty() ? List.of() : failures(failed), attempts, calls, retried, bytes);
    }

    /** Each Kafka record of each refused Firehose record, with the error its Firehose record got. */
    private static List<Failure> failures(List<Rejected> rejected) {
        List<Failure> failures = new ArrayList<>();
        for (Rejected one : rejected) {
            for (KafkaRecord record : one.record().records()) {
                failures.add(new Failure(record, Cause.UNDELIVERED, one.error()));
            }
        }
        failures.sort(Failure.IN_BATCH_ORDER);
        return failures;
    }

    private List<Rejected> sendRound(String stream, List<List<PackedRecord>> plan, Deadline deadline) {
        List<Future<List<Rejected>>> futures = new ArrayList<>(plan.size());
        for (List<PackedRecord> call : plan) {
            futures.add(executor.submit(() -> send(stream, call)));
        }
        List<Rejected> failed = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            failed.addAll(await(futures.get(i), plan.get(i), deadline));
        }
        return failed;
    }

    private List<Rejected> await(Future<List<Rejected>> future, List<PackedRecord> call, Deadline deadline) {
        try {
            long budget = Math.max(1, retryPolicy.callBudgetMillis(deadline));
            return future.get(budget, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The call may still land: Firehose can accept a batch whose answer never arrives (at-least-once).
            future.cancel(true);
            return all(call, "no answer before the invocation's time ran out");
        } catch (ExecutionException | CancellationException e) {
            return all(call, describe(e.getCause() == null ? e : e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return all(call, "interrupted");
        }
    }

    private List<Rejected> send(String stream, List<PackedRecord> call) {
        List<Record> entries = new ArrayList<>(call.size());
        for (PackedRecord record : call) {
            entries.add(Record.builder()
                    .data(SdkBytes.fromByteArrayUnsafe(record.data()))
                    .build());
        }
        PutRecordBatchResponse response;
        try {
            response = client.putRecordBatch(PutRecordBatchRequest.builder()
                    .deliveryStreamName(stream)
                    .records(entries)
                    .build());
        } catch (SdkException e) {
            return all(call, describe(e));
        }
        List<PutRecordBatchResponseEntry> answers = response.requestResponses();
        boolean allAccepted =
                (response.failedPutCount() == null || response.failedPutCount() == 0) && answers.size() == call.size();
        if (allAccepted) {
            return List.of();
        }
        List<Rejected> failed = new ArrayList<>();
        for (int i = 0; i < call.size(); i++) {
            PutRecordBatchResponseEntry answer = i < answers.size() ? answers.get(i) : null;
            if (answer == null) {
                failed.add(new Rejected(call.get(i), "no response entry for this record"));
            } else if (answer.errorCode() != null) {
                failed.add(new Rejected(call.get(i), answer.errorCode() + ": " + answer.errorMessage()));
            }
        }
        return failed;
    }

    private boolean pause(long millis) {
        try {
            sleeper.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Rejected> all(List<PackedRecord> call, String reason) {
        return call.stream().map(record -> new Rejected(record, reason)).toList();
    }

    /** A Firehose record not accepted in a round, and the error it got. */
    private record Rejected(PackedRecord record, String error) {}

    static String describe(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return error.getClass().getSimpleName() + ": " + message;
    }
}
