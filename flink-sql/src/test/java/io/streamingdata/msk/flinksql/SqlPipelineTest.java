package io.streamingdata.msk.flinksql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SqlPipelineTest {

    /** An option line of a WITH clause that bounds the source; comments may name the option. */
    private static final Pattern BOUNDED_OPTION = Pattern.compile("(?m)^\\s*'scan\\.bounded\\.");

    private static JobParameters parameters(AccessControl mode) {
        return parameters(mode, JobParameters.UNBOUNDED);
    }

    private static JobParameters parameters(AccessControl mode, String boundedMode) {
        Map<String, String> settings = new HashMap<>();
        settings.put("topic", "stock-ticks");
        settings.put("bootstrap_servers", "b-1:9098");
        settings.put("output_uri", "s3a://out-bucket");
        settings.put("output_prefix", "studio/ticks");
        settings.put("access_control", mode.value());
        settings.put("scram_username", "alice");
        settings.put("scram_password", "pw");
        settings.put("bounded_mode", boundedMode);
        return JobParameters.of(settings);
    }

    @Test
    void shouldNameNoBoundedOptionForAnUnboundedSourceSoFlink115AcceptsIt() {
        String source =
                SqlPipeline.statements(parameters(AccessControl.IAM), false).get(0);

        assertFalse(BOUNDED_OPTION.matcher(source).find(), source);
        assertTrue(source.contains("'scan.startup.mode' = 'earliest-offset',"), source);
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest-offset", "group-offsets"})
    void shouldBoundTheSourceWhenABoundedModeIsChosen(String boundedMode) {
        String source = SqlPipeline.statements(parameters(AccessControl.PLAINTEXT, boundedMode), false)
                .get(0);

        assertTrue(
                source.contains(
                        "'scan.startup.mode' = 'earliest-offset',\n  'scan.bounded.mode' = '" + boundedMode + "',"),
                source);
    }

    @ParameterizedTest
    @EnumSource(AccessControl.class)
    void shouldRenderEveryFileCompletelyForEachAccessControlMode(AccessControl mode) {
        List<String> statements = SqlPipeline.statements(parameters(mode), true);

        assertEquals(5, statements.size());
        statements.forEach(statement -> assertFalse(statement.contains("${"), statement));
        assertTrue(statements.get(2).contains("'topic' = 'stock-ticks'"));
        assertTrue(statements.get(2).contains("'properties.bootstrap.servers' = 'b-1:9098'"));
        assertTrue(statements.get(3).contains("'path' = 's3a://out-bucket/studio/ticks'"));
        assertTrue(statements.get(4).startsWith("INSERT INTO sink_table_s3"));
        assertTrue(statements.get(4).contains("WHERE price > 50"));
    }

    @Test
    void shouldUseTheIamLoginModuleForIam() {
        String source =
                SqlPipeline.statements(parameters(AccessControl.IAM), false).get(0);

        assertTrue(source.contains("'properties.security.protocol' = 'SASL_SSL'"));
        assertTrue(source.contains("software.amazon.msk.auth.iam.IAMLoginModule required;"));
    }

    @Test
    void shouldPutTheScramCredentialsIntoTheJaasConfig() {
        String source =
                SqlPipeline.statements(parameters(AccessControl.SCRAM), false).get(0);

        assertTrue(source.contains("ScramLoginModule required username=\"alice\" password=\"pw\";"));
        assertTrue(source.contains("'properties.sasl.mechanism' = 'SCRAM-SHA-512'"));
    }

    @Test
    void shouldLeaveCheckpointingToTheServiceWhenAsked() {
        List<String> statements = SqlPipeline.statements(parameters(AccessControl.TLS), false);

        assertEquals(3, statements.size());
        assertTrue(statements.get(0).startsWith("CREATE TABLE stock_table"));
    }

    @Test
    void shouldRecogniseTheCheckpointSettingsAsSetStatements() {
        List<String> statements = SqlPipeline.statements(parameters(AccessControl.TLS), true);

        assertTrue(FlinkSqlJob.SET_STATEMENT.matcher(statements.get(0)).matches());
        assertTrue(FlinkSqlJob.SET_STATEMENT.matcher(statements.get(1)).matches());
        assertFalse(FlinkSqlJob.SET_STATEMENT.matcher(statements.get(2)).matches());
    }
}
