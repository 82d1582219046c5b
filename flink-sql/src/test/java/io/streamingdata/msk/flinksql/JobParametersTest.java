package io.streamingdata.msk.flinksql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobParametersTest {

    private static Map<String, String> required() {
        Map<String, String> settings = new HashMap<>();
        settings.put("topic", "ticks");
        settings.put("bootstrap_servers", "b-1.example:9098,b-2.example:9098");
        settings.put("output_uri", "s3a://my-bucket");
        return settings;
    }

    @Test
    void shouldFillInDefaultsAndDeriveTheOutputPath() {
        JobParameters parameters = JobParameters.of(required());

        assertEquals(AccessControl.IAM, parameters.accessControl());
        assertEquals("s3a://my-bucket/stock-ticks", parameters.outputPath());
        assertEquals("unbounded", parameters.get(JobParameters.BOUNDED_MODE));
        assertEquals("earliest-offset", parameters.get(JobParameters.STARTUP_MODE));
    }

    @Test
    void shouldParseBothArgumentForms() {
        Map<String, String> settings =
                JobParameters.parseArgs(new String[] {"--topic", "t", "--bootstrap-servers=h:1"});

        assertEquals(Map.of("topic", "t", "bootstrap_servers", "h:1"), settings);
    }

    @Test
    void shouldRejectAFlagWithoutValueAndAStrayArgument() {
        assertThrows(IllegalArgumentException.class, () -> JobParameters.parseArgs(new String[] {"--topic"}));
        assertThrows(IllegalArgumentException.class, () -> JobParameters.parseArgs(new String[] {"topic"}));
    }

    @Test
    void shouldListEveryMissingRequiredSetting() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JobParameters.of(Map.of()));

        assertTrue(error.getMessage().contains("topic is required"), error.getMessage());
        assertTrue(error.getMessage().contains("bootstrap_servers is required"), error.getMessage());
        assertTrue(error.getMessage().contains("output_uri is required"), error.getMessage());
    }

    @Test
    void shouldRejectAnUnknownSettingNamingTheKnownOnes() {
        Map<String, String> settings = required();
        settings.put("topics", "typo");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JobParameters.of(settings));

        assertTrue(error.getMessage().contains("unknown setting 'topics'"), error.getMessage());
        assertTrue(error.getMessage().contains("bootstrap_servers"), error.getMessage());
    }

    @Test
    void shouldRejectOutputUrisThatFlinkCannotUse() {
        for (String uri : new String[] {"my-bucket", "file://relative/dir", "s3://bucket/", "/tmp/out"}) {
            Map<String, String> settings = required();
            settings.put("output_uri", uri);

            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> JobParameters.of(settings), uri);

            assertTrue(error.getMessage().contains("output_uri must be"), error.getMessage());
        }
    }

    @Test
    void shouldRejectSingleQuotesThatWouldBreakTheSql() {
        Map<String, String> settings = required();
        settings.put("topic", "x', 'format' = 'csv");

        assertThrows(IllegalArgumentException.class, () -> JobParameters.of(settings));
    }

    @Test
    void shouldRequireScramCredentialsAndMaskThePassword() {
        Map<String, String> settings = required();
        settings.put("access_control", "scram");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JobParameters.of(settings));
        assertTrue(error.getMessage().contains("scram_password is required"), error.getMessage());

        settings.put("scram_username", "alice");
        settings.put("scram_password", "s3cret");
        JobParameters parameters = JobParameters.of(settings);

        assertEquals(AccessControl.SCRAM, parameters.accessControl());
        assertFalse(parameters.toString().contains("s3cret"));
    }

    @Test
    void shouldRejectAnUnknownAccessControlMode() {
        Map<String, String> settings = required();
        settings.put("access_control", "kerberos");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> JobParameters.of(settings));

        assertTrue(
                error.getMessage().contains("access_control must be one of tls, iam, scram, plaintext"),
                error.getMessage());
    }
}
