package io.streamingdata.msk.flinksql.check;

import io.streamingdata.msk.flinksql.JobParameters;
import io.streamingdata.msk.flinksql.SqlPipeline;
import io.streamingdata.msk.flinksql.SqlStatements;
import io.streamingdata.msk.flinksql.SqlTemplate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Studio note's SQL, rendered the way terraform/modules/studio-notebook/note.tf renders it: the same files, the
 * choices the note fixes (read from the earliest offset and never stop, because a notebook paragraph runs until it
 * is stopped), trimmed, with the sink and the insert in one paragraph. The local check runs these statements on
 * Flink 1.15, the notebook's runtime; a test compares the paragraphs with the note Terraform renders for the same
 * values, so the two renderings cannot drift apart.
 */
public final class StudioNote {

    /** Where the note starts reading; note.tf sets the same. */
    public static final String STARTUP_MODE = "earliest-offset";
    /** The note's source never ends; note.tf sets the same. */
    public static final String BOUNDED_MODE = JobParameters.UNBOUNDED;

    private final Map<String, String> values;

    private StudioNote(Map<String, String> values) {
        this.values = values;
    }

    /**
     * The note for these settings (the names of {@link JobParameters}); the startup and bounded modes are the note's
     * own and cannot be chosen.
     *
     * @throws IllegalArgumentException when a setting is invalid, or when the settings try to choose those modes
     */
    public static StudioNote of(Map<String, String> settings) {
        for (String fixed : List.of(JobParameters.STARTUP_MODE, JobParameters.BOUNDED_MODE)) {
            if (settings.containsKey(fixed)) {
                throw new IllegalArgumentException(fixed + " is fixed in the Studio note and cannot be set");
            }
        }
        Map<String, String> noteSettings = new LinkedHashMap<>(settings);
        noteSettings.put(JobParameters.STARTUP_MODE, STARTUP_MODE);
        noteSettings.put(JobParameters.BOUNDED_MODE, BOUNDED_MODE);
        return new StudioNote(JobParameters.of(noteSettings).templateValues());
    }

    /** The first paragraph's SQL (without its interpreter line): the source table. */
    public String sourceParagraph() {
        return render(SqlPipeline.SOURCE);
    }

    /** The statements of checkpointing.sql, which the note's second paragraph applies from PyFlink. */
    public List<String> checkpointSettings() {
        return SqlStatements.split(render(SqlPipeline.CHECKPOINTING));
    }

    /** The third paragraph's SQL (without its interpreter line): the sink table, a blank line, the insert. */
    public String sinkParagraph() {
        return render(SqlPipeline.SINK) + "\n\n" + render(SqlPipeline.INSERT);
    }

    /** Every statement, in the note's order: source, checkpoint settings, sink, insert. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>(SqlStatements.split(sourceParagraph()));
        statements.addAll(checkpointSettings());
        statements.addAll(SqlStatements.split(sinkParagraph()));
        return statements;
    }

    private String render(String file) {
        return SqlTemplate.load(file).render(values).strip();
    }
}
