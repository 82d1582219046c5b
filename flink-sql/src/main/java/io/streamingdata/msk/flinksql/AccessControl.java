package io.streamingdata.msk.flinksql;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the job authenticates to the brokers; each mode is one fragment under {@code sql/security/}. */
public enum AccessControl {
    /** Unauthenticated TLS (MSK port 9094); the JVM's default trust store holds the brokers' CA. */
    TLS,
    /** IAM (MSK port 9098) through aws-msk-iam-auth, with the application role's credentials. */
    IAM,
    /** SASL/SCRAM-SHA-512 (MSK port 9096) with a user from Secrets Manager. */
    SCRAM,
    /** No TLS, no authentication: only the local broker of scripts/studio-check. */
    PLAINTEXT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fragment() {
        return "security/" + value() + ".sql";
    }

    public static AccessControl parse(String value) {
        for (AccessControl mode : values()) {
            if (mode.value().equalsIgnoreCase(value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("access_control must be one of " + allowed() + ", not '" + value + "'");
    }

    static String allowed() {
        return Arrays.stream(values()).map(AccessControl::value).collect(Collectors.joining(", "));
    }
}
