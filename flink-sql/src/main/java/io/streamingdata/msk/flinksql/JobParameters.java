package io.streamingdata.msk.flinksql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The job's settings: the values of the SQL files' placeholders, validated, with defaults. On Managed Service for
 * Apache Flink they come from the property group {@value #PROPERTY_GROUP}; locally from {@code --name value}
 * arguments. Both use the same names.
 */
public final class JobParameters {

    /** Runtime property group the application reads on the service. */
    public static final String PROPERTY_GROUP = "FlinkSqlJob";

    public static final String TOPIC = "topic";
    public static final String BOOTSTRAP_SERVERS = "bootstrap_servers";
    public static final String OUTPUT_URI = "output_uri";
    public static final String OUTPUT_PREFIX = "output_prefix";
    public static final String ACCESS_CONTROL = "access_control";
    public static final String GROUP_ID = "group_id";
    public static final String STARTUP_MODE = "startup_mode";
    public static final String BOUNDED_MODE = "bounded_mode";
    public static final String CHECKPOINT_INTERVAL = "checkpoint_interval";
    public static final String COMMIT_DELAY = "commit_delay";
    public static final String SCRAM_USERNAME = "scram_username";
    public static final String SCRAM_PASSWORD = "scram_password";

    /** Derived placeholders: filled by this class, not settable. */
    public static final String OUTPUT_PATH = "output_path";

    public static final String SECURITY_OPTIONS = "security_options";
    public static final String SCAN_OPTIONS = "scan_options";

    /** The bounded mode of a source that never ends; it renders no bounded option at all. */
    public static final String UNBOUNDED = "unbounded";

    private static final Map<String, String> DEFAULTS;
    private static final Map<String, String> DESCRIPTIONS;

    static {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put(OUTPUT_PREFIX, "stock-ticks");
        defaults.put(ACCESS_CONTROL, AccessControl.IAM.value());
        defaults.put(GROUP_ID, "flink-sql-stock-ticks");
        defaults.put(STARTUP_MODE, "earliest-offset");
        defaults.put(BOUNDED_MODE, UNBOUNDED);
        defaults.put(CHECKPOINT_INTERVAL, "1 min");
        defaults.put(COMMIT_DELAY, "1 h");
        DEFAULTS = Collections.unmodifiableMap(defaults);

        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put(TOPIC, "Kafka topic with the stock ticks (required)");
        descriptions.put(BOOTSTRAP_SERVERS, "bootstrap servers for the access-control mode (required)");
        descriptions.put(
                OUTPUT_URI, "where the sink writes: s3a://bucket, s3://bucket or file:///absolute/dir (required)");
        descriptions.put(OUTPUT_PREFIX, "folder under output_uri");
        descriptions.put(ACCESS_CONTROL, AccessControl.allowed());
        descriptions.put(GROUP_ID, "Kafka consumer group");
        descriptions.put(STARTUP_MODE, "earliest-offset, latest-offset or group-offsets");
        descriptions.put(
                BOUNDED_MODE,
                "unbounded (a continuous job), or latest-offset or group-offsets (stop there; Kafka connector of Flink 1.17+)");
        descriptions.put(CHECKPOINT_INTERVAL, "checkpoint interval when the job sets it (local runs)");
        descriptions.put(COMMIT_DELAY, "how long after the end of an hour (by watermark) its partition is committed");
        descriptions.put(SCRAM_USERNAME, "SASL/SCRAM user (access_control scram)");
        descriptions.put(SCRAM_PASSWORD, "SASL/SCRAM password (access_control scram)");
        DESCRIPTIONS = Collections.unmodifiableMap(descriptions);
    }

    private static final List<String> STARTUP_MODES = List.of("earliest-offset", "latest-offset", "group-offsets");
    private static final List<String> BOUNDED_MODES = List.of(UNBOUNDED, "latest-offset", "group-offsets");
    private static final Pattern OUTPUT_URI_PATTERN =
            Pattern.compile("^(s3a?://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]|file:///.*[^/])$");
    private static final Pattern PREFIX_PATTERN = Pattern.compile("^[A-Za-z0-9!_.*()-]+(/[A-Za-z0-9!_.*()-]+)*$");
    private static final Pattern DURATION_PATTERN = Pattern.compile("^[0-9]+ ?(ms|s|min|h|d)$");

    private final Map<String, String> values;
    private final AccessControl accessControl;

    private JobParameters(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
        this.accessControl = AccessControl.parse(values.get(ACCESS_CONTROL));
    }

    /**
     * Validates settings (defaults filled in).
     *
     * @throws IllegalArgumentException with one line per problem
     */
    public static JobParameters of(Map<String, String> settings) {
        Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
        StringBuilder problems = new StringBuilder();
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            if (!DESCRIPTIONS.containsKey(entry.getKey())) {
                problem(
                        problems,
                        "unknown setting '" + entry.getKey() + "' (known: " + String.join(", ", DESCRIPTIONS.keySet())
                                + ")");
            } else if (entry.getValue().indexOf('\'') >= 0) {
                problem(problems, entry.getKey() + " must not contain a single quote");
            } else {
                values.put(entry.getKey(), entry.getValue().strip());
            }
        }
        for (String required : List.of(TOPIC, BOOTSTRAP_SERVERS, OUTPUT_URI)) {
            if (values.getOrDefault(required, "").isEmpty()) {
                problem(problems, required + " is required: " + DESCRIPTIONS.get(required));
            }
        }
        check(
                problems,
                values,
                OUTPUT_URI,
                OUTPUT_URI_PATTERN,
                "a bucket URI (s3a://bucket, s3://bucket) or an absolute file:/// URI without a trailing slash");
        check(
                problems,
                values,
                OUTPUT_PREFIX,
                PREFIX_PATTERN,
                "folder names separated by '/', without leading or trailing '/'");
        check(problems, values, CHECKPOINT_INTERVAL, DURATION_PATTERN, "a duration such as '1 min' or '2 s'");
        check(problems, values, COMMIT_DELAY, DURATION_PATTERN, "a duration such as '1 h' or '0 s'");
        oneOf(problems, values, STARTUP_MODE, STARTUP_MODES);
        oneOf(problems, values, BOUNDED_MODE, BOUNDED_MODES);
        try {
            if (AccessControl.parse(values.get(ACCESS_CONTROL)) == AccessControl.SCRAM) {
                for (String required : List.of(SCRAM_USERNAME, SCRAM_PASSWORD)) {
                    if (values.getOrDefault(required, "").isEmpty()) {
                        problem(problems, required + " is required with access_control scram");
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            problem(problems, e.getMessage());
        }
        if (problems.length() > 0) {
            throw new IllegalArgumentException("invalid settings:" + problems);
        }
        return new JobParameters(values);
    }

    /**
     * Parses {@code --name value} and {@code --name=value} arguments.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Map<String, String> parseArgs(String[] args) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "': settings are --name value");
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                settings.put(name.substring(0, equals).replace('-', '_'), name.substring(equals + 1));
            } else if (i + 1 < args.length) {
                settings.put(name.replace('-', '_'), args[++i]);
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
        }
        return settings;
    }

    /** One line per setting, for --help. */
    public static String describe() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : DESCRIPTIONS.entrySet()) {
            String def = DEFAULTS.get(entry.getKey());
            out.append(String.format(
                    "  --%-20s %s%s%n", entry.getKey(), entry.getValue(), def == null ? "" : " [" + def + "]"));
        }
        return out.toString();
    }

    public AccessControl accessControl() {
        return accessControl;
    }

    public String get(String name) {
        return values.get(name);
    }

    /** Where the sink writes: output_uri/output_prefix. */
    public String outputPath() {
        return values.get(OUTPUT_URI) + "/" + values.get(OUTPUT_PREFIX);
    }

    /**
     * The fragment with the source's start and end: {@code scan/unbounded.sql} for a source that never ends (it
     * names no bounded mode, so Flink 1.15 accepts it too), {@code scan/bounded.sql} otherwise.
     */
    public String scanFragment() {
        return UNBOUNDED.equals(values.get(BOUNDED_MODE)) ? "scan/unbounded.sql" : "scan/bounded.sql";
    }

    /** The placeholder values for the SQL files, with the derived output path, scan and security options. */
    public Map<String, String> templateValues() {
        Map<String, String> template = new LinkedHashMap<>(values);
        template.put(OUTPUT_PATH, outputPath());
        template.put(
                SCAN_OPTIONS, SqlTemplate.load(scanFragment()).render(values).strip());
        template.put(
                SECURITY_OPTIONS,
                SqlTemplate.load(accessControl.fragment()).render(values).strip());
        return template;
    }

    /** Settings for logs: the password is masked. */
    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(values);
        shown.computeIfPresent(SCRAM_PASSWORD, (k, v) -> "****");
        return shown.toString();
    }

    private static void check(
            StringBuilder problems, Map<String, String> values, String name, Pattern pattern, String expected) {
        String value = values.get(name);
        if (value != null && !value.isEmpty() && !pattern.matcher(value).matches()) {
            problem(problems, name + " must be " + expected + ", not '" + value + "'");
        }
    }

    private static void oneOf(StringBuilder problems, Map<String, String> values, String name, List<String> allowed) {
        if (!allowed.contains(values.get(name))) {
            problem(
                    problems,
                    name + " must be one of " + String.join(", ", allowed) + ", not '" + values.get(name) + "'");
        }
    }

    private static void problem(StringBuilder problems, String message) {
        problems.append(System.lineSeparator()).append("  - ").append(message);
    }
}
