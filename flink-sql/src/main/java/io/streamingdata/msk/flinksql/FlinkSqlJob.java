package io.streamingdata.msk.flinksql;

import com.amazonaws.services.kinesisanalytics.runtime.KinesisAnalyticsRuntime;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the pattern's SQL files through the Table API: the production path of the Studio notebook's SQL.
 *
 * <p>On Managed Service for Apache Flink the settings come from the property group {@value JobParameters#PROPERTY_GROUP}
 * and checkpointing from the application's configuration; the job is submitted and {@code main} returns. Locally
 * (no property groups) the settings are {@code --name value} arguments, the job sets its own checkpointing and
 * {@code main} waits for it to end.
 */
public final class FlinkSqlJob {

    private static final Logger LOG = LoggerFactory.getLogger(FlinkSqlJob.class);

    /** {@code SET 'key' = 'value'}, as the SQL client and Zeppelin write it. */
    static final Pattern SET_STATEMENT = Pattern.compile("(?is)^SET\\s+'([^']+)'\\s*=\\s*'([^']*)'$");

    private FlinkSqlJob() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(usage());
            return;
        }
        Map<String, String> fromService = propertyGroup();
        boolean onService = !fromService.isEmpty();
        JobParameters parameters;
        try {
            parameters = JobParameters.of(onService ? fromService : JobParameters.parseArgs(args));
        } catch (IllegalArgumentException e) {
            System.err.println("flink-sql: " + e.getMessage());
            System.err.println(usage());
            throw e;
        }
        LOG.info(
                "settings from {}: {}",
                onService ? "property group " + JobParameters.PROPERTY_GROUP : "arguments",
                parameters);
        TableResult result = run(parameters, !onService, new Configuration());
        if (!onService) {
            result.await();
        }
    }

    /**
     * Creates a streaming TableEnvironment with {@code configuration}, runs every statement and returns the result
     * of the insert (the running job).
     */
    public static TableResult run(JobParameters parameters, boolean setCheckpointing, Configuration configuration) {
        return execute(SqlPipeline.statements(parameters, setCheckpointing), configuration);
    }

    /**
     * Creates a streaming TableEnvironment with {@code configuration} and runs {@code statements} in order:
     * {@code SET} statements become configuration, the others go to {@code executeSql}. Returns the result of the
     * last one (the insert: the running job).
     */
    public static TableResult execute(List<String> statements, Configuration configuration) {
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inStreamingMode()
                .withConfiguration(configuration)
                .build());
        TableResult last = null;
        for (String statement : statements) {
            Matcher set = SET_STATEMENT.matcher(statement);
            if (set.matches()) {
                // TableEnvironment.executeSql() has no SET (that is the SQL client's); the effect is the same.
                LOG.info("setting {} = {}", set.group(1), set.group(2));
                tableEnv.getConfig().getConfiguration().setString(set.group(1), set.group(2));
            } else {
                LOG.info("executing: {}", firstLine(statement));
                last = tableEnv.executeSql(statement);
            }
        }
        if (last == null) {
            throw new IllegalStateException("the SQL files hold no statement to execute");
        }
        return last;
    }

    static String usage() {
        return "Usage: java -jar flink-sql-<version>-application.jar --topic T --bootstrap_servers B --output_uri U [--name value]...\n"
                + "On Managed Service for Apache Flink the same names are read from the runtime property group "
                + JobParameters.PROPERTY_GROUP + ".\nSettings:\n" + JobParameters.describe();
    }

    private static Map<String, String> propertyGroup() throws IOException {
        Map<String, Properties> groups = KinesisAnalyticsRuntime.getApplicationProperties();
        Map<String, String> settings = new LinkedHashMap<>();
        Properties group = groups == null ? null : groups.get(JobParameters.PROPERTY_GROUP);
        if (group != null) {
            group.stringPropertyNames().forEach(name -> settings.put(name, group.getProperty(name)));
        }
        return settings;
    }

    private static String firstLine(String statement) {
        int newline = statement.indexOf('\n');
        return newline < 0 ? statement : statement.substring(0, newline) + " ...";
    }
}
