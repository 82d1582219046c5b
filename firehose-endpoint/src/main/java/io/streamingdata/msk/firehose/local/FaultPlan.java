package io.streamingdata.msk.firehose.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Faults the endpoint injects; thread-safe and changeable while the endpoint runs. Randomness comes from the seed given
 * to {@link LocalFirehose.Builder#seed(long)}, so a sequential run is reproducible.
 *
 * <p>Scope: per-record failures and counted whole-call failures apply to PutRecord and PutRecordBatch only (so a
 * burst of N is exactly N put attempts); {@link #outage(boolean)} and {@link #latency(Duration)} apply to every
 * Firehose API call.
 */
public final class FaultPlan {
    /** Per-record code and whole-call type Firehose uses when it cannot take the data (also when throttling). */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailableException";
    /** The other documented per-record error code. */
    public static final String INTERNAL_FAILURE = "InternalFailure";
    /** HTTP status the SDK's Firehose model declares for ServiceUnavailableException (used for throttling). */
    public static final int THROTTLE_STATUS = 500;
    /** Message the service puts on throttled records and calls. */
    public static final String THROTTLE_MESSAGE = "Slow down.";

    /** One injected whole-call failure. */
    record CallFault(int status, String errorType, String message, boolean acceptFirst) {}

    private final Random random;
    private final Map<String, Double> recordFailures = new LinkedHashMap<>();
    private final Deque<CallFault> nextCalls = new ArrayDeque<>();
    private Duration latency = Duration.ZERO;
    private boolean outage;
    private int failS3Writes;

    FaultPlan(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Each record of a PutRecordBatch fails with this probability, independently, with {@code errorCode} as its
     * per-record ErrorCode in a 200 response (a PutRecord whose record fails gets the same error as a whole-call
     * error). Several codes can be active at once (their probabilities add up, at most 1); probability 0 removes one.
     */
    public synchronized FaultPlan failRecords(double probability, String errorCode) {
        Objects.requireNonNull(errorCode, "errorCode");
        Checks.argument(probability >= 0.0 && probability <= 1.0, "probability must be within [0, 1]: " + probability);
        Map<String, Double> next = new LinkedHashMap<>(recordFailures);
        if (probability == 0.0) {
            next.remove(errorCode);
        } else {
            next.put(errorCode, probability);
        }
        double total = next.values().stream().mapToDouble(Double::doubleValue).sum();
        Checks.argument(total <= 1.0 + 1e-9, "per-record failure probabilities add up to " + total + " (> 1)");
        recordFailures.clear();
        recordFailures.putAll(next);
        return this;
    }

    /** {@link #failRecords(double, String)} with ServiceUnavailableException. */
    public FaultPlan failRecords(double probability) {
        return failRecords(probability, SERVICE_UNAVAILABLE);
    }

    /**
     * The next {@code calls} put calls fail whole with this HTTP status and error type (for example 503
     * ServiceUnavailableException, 500 InternalFailure); nothing of them is accepted. Queued after earlier
     * counted faults.
     */
    public synchronized FaultPlan failNextCalls(int calls, int httpStatus, String errorType) {
        return enqueue(
                calls,
                new CallFault(
                        checkStatus(httpStatus),
                        Objects.requireNonNull(errorType, "errorType"),
                        "Injected failure (" + errorType + ").",
                        false));
    }

    /**
     * The next {@code calls} put calls accept their records (they are delivered) but answer with an error, like a
     * call that times out after the service wrote the data: the client retries and duplicates follow.
     */
    public synchronized FaultPlan acceptThenFailNextCalls(int calls, int httpStatus, String errorType) {
        return enqueue(
                calls,
                new CallFault(
                        checkStatus(httpStatus),
                        Objects.requireNonNull(errorType, "errorType"),
                        "Injected failure after the records were accepted (" + errorType + ").",
                        true));
    }

    /**
     * The next {@code calls} put calls are throttled whole as Firehose does it: HTTP 500 with
     * {@code ServiceUnavailableException} "Slow down." (the SDK retries it like any 5xx).
     */
    public synchronized FaultPlan throttleNextCalls(int calls) {
        return enqueue(calls, new CallFault(THROTTLE_STATUS, SERVICE_UNAVAILABLE, THROTTLE_MESSAGE, false));
    }

    /** Added to every API call before it is answered. */
    public synchronized FaultPlan latency(Duration perCall) {
        this.latency = Checks.notNegative("latency", Objects.requireNonNull(perCall, "perCall"));
        return this;
    }

    /** While on, every API call fails with 503 ServiceUnavailableException. */
    public synchronized FaultPlan outage(boolean on) {
        this.outage = on;
        return this;
    }

    /** The next {@code writes} S3 object writes fail before reaching S3 (exercises retries and the error prefix). */
    public synchronized FaultPlan failS3Writes(int writes) {
        this.failS3Writes = (int) Checks.notNegative("writes", writes);
        return this;
    }

    /** Removes every fault (the random sequence goes on; it is not reseeded). */
    public synchronized FaultPlan clear() {
        recordFailures.clear();
        nextCalls.clear();
        latency = Duration.ZERO;
        outage = false;
        failS3Writes = 0;
        return this;
    }

    /** Counted whole-call faults not yet consumed. */
    public synchronized int pendingCallFaults() {
        return nextCalls.size();
    }

    /** Whether {@link #outage(boolean)} is on. */
    public synchronized boolean outage() {
        return outage;
    }

    /** The latency added to every API call ({@link Duration#ZERO} when none). */
    public synchronized Duration latency() {
        return latency;
    }

    // ---- used by the endpoint ----

    synchronized CallFault outageFault() {
        return outage ? new CallFault(503, SERVICE_UNAVAILABLE, "Service unavailable (local outage).", false) : null;
    }

    synchronized CallFault nextCallFault() {
        if (outage) {
            return outageFault();
        }
        return nextCalls.poll();
    }

    /** For each of {@code count} records, null (accepted) or the error code it fails with. */
    synchronized String[] drawRecordFailures(int count) {
        String[] codes = new String[count];
        if (recordFailures.isEmpty()) {
            return codes;
        }
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            double cumulative = 0.0;
            for (Map.Entry<String, Double> e : recordFailures.entrySet()) {
                cumulative += e.getValue();
                if (r < cumulative) {
                    codes[i] = e.getKey();
                    break;
                }
            }
        }
        return codes;
    }

    /** The ErrorMessage the service pairs with a per-record (or PutRecord whole-call) error code. */
    static String recordErrorMessage(String code) {
        return switch (code) {
            case SERVICE_UNAVAILABLE -> THROTTLE_MESSAGE;
            case INTERNAL_FAILURE -> "Internal service failure.";
            default -> "Injected record failure (" + code + ").";
        };
    }

    synchronized boolean consumeS3Failure() {
        if (failS3Writes > 0) {
            failS3Writes--;
            return true;
        }
        return false;
    }

    private FaultPlan enqueue(int calls, CallFault fault) {
        Checks.notNegative("calls", calls);
        for (int i = 0; i < calls; i++) {
            nextCalls.add(fault);
        }
        return this;
    }

    private static int checkStatus(int status) {
        Checks.argument(status >= 400 && status <= 599, "HTTP status must be 4xx or 5xx: " + status);
        return status;
    }
}
