package io.streamingdata.msk.firehose.local;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** Argument checks shared by the builders, the fault plan and the command line, so each refusal reads the same. */
final class Checks {
    private Checks() {}

    /** Refuses an argument with {@code message} unless {@code valid}. */
    static void argument(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }

    /** {@code value}, unless it is negative ("{@code name} must not be negative: value"). */
    static long notNegative(String name, long value) {
        argument(value >= 0, name + " must not be negative: " + value);
        return value;
    }

    /** {@code value} (not null), unless it is negative ("{@code name} must not be negative: value"). */
    static Duration notNegative(String name, Duration value) {
        argument(!value.isNegative(), name + " must not be negative: " + value);
        return value;
    }

    /** True for 127.0.0.0/8, ::1 and names that resolve only to loopback addresses. */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress a : addresses) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return addresses.length > 0;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
