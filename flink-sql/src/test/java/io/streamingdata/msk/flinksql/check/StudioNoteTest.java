package io.streamingdata.msk.flinksql.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.streamingdata.msk.flinksql.JobParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StudioNoteTest {

    /** The paragraphs the studio-notebook module's Terraform test expects for the same inputs. */
    private static final Path FIXTURES =
            Paths.get("..", "terraform", "modules", "studio-notebook", "tests", "fixtures");

    /** An option line of a WITH clause that bounds the source; comments may name the option. */
    private static final Pattern BOUNDED_OPTION = Pattern.compile("(?m)^\\s*'scan\\.bounded\\.");

    /**
     * The inputs of the Terraform run note_paragraphs_are_the_sql_studio_check_runs_on_flink_1_15: its variables
     * and the module's defaults (IAM, KdaStudioGroup, studio/stock-ticks, 1 h, 1min).
     */
    private static Map<String, String> terraformRunInputs() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(JobParameters.TOPIC, "stock-ticks");
        settings.put(
                JobParameters.BOOTSTRAP_SERVERS,
                "b-1.demo.kafka.eu-west-1.amazonaws.com:9098,b-2.demo.kafka.eu-west-1.amazonaws.com:9098");
        settings.put(JobParameters.ACCESS_CONTROL, "iam");
        settings.put(JobParameters.GROUP_ID, "KdaStudioGroup");
        settings.put(JobParameters.OUTPUT_URI, "s3a://studio-output-bucket");
        settings.put(JobParameters.OUTPUT_PREFIX, "studio/stock-ticks");
        settings.put(JobParameters.COMMIT_DELAY, "1 h");
        settings.put(JobParameters.CHECKPOINT_INTERVAL, "1min");
        return settings;
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(FIXTURES.resolve(name), StandardCharsets.UTF_8).strip();
    }

    @Test
    void shouldRenderTheSourceParagraphTerraformPutsIntoTheNote() throws IOException {
        StudioNote note = StudioNote.of(terraformRunInputs());

        assertEquals(fixture("note-iam-source.sql"), note.sourceParagraph());
    }

    @Test
    void shouldRenderTheSinkParagraphTerraformPutsIntoTheNote() throws IOException {
        StudioNote note = StudioNote.of(terraformRunInputs());

        assertEquals(fixture("note-iam-sink.sql"), note.sinkParagraph());
    }

    @Test
    void shouldNeverBoundTheNotesSourceBecauseFlink115RejectsTheOption() {
        String source = StudioNote.of(terraformRunInputs()).sourceParagraph();

        assertFalse(BOUNDED_OPTION.matcher(source).find(), source);
        assertTrue(source.contains("'scan.startup.mode' = 'earliest-offset',"), source);
    }

    @Test
    void shouldRefuseSettingsThatChooseTheNotesFixedModes() {
        Map<String, String> bounded = terraformRunInputs();
        bounded.put(JobParameters.BOUNDED_MODE, "latest-offset");
        Map<String, String> latest = terraformRunInputs();
        latest.put(JobParameters.STARTUP_MODE, "latest-offset");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> StudioNote.of(bounded));
        assertThrows(IllegalArgumentException.class, () -> StudioNote.of(latest));
        assertTrue(error.getMessage().contains(JobParameters.BOUNDED_MODE), error.getMessage());
    }

    @Test
    void shouldListTheStatementsInTheNotesOrder() {
        List<String> statements = StudioNote.of(terraformRunInputs()).statements();

        assertEquals(5, statements.size());
        assertTrue(statements.get(0).startsWith("CREATE TABLE stock_table"), statements.get(0));
        assertEquals("SET 'execution.checkpointing.interval' = '1min'", statements.get(1));
        assertEquals("SET 'execution.checkpointing.mode' = 'EXACTLY_ONCE'", statements.get(2));
        assertTrue(statements.get(3).startsWith("CREATE TABLE sink_table_s3"), statements.get(3));
        assertTrue(statements.get(4).startsWith("INSERT INTO sink_table_s3"), statements.get(4));
    }
}
