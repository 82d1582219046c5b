package io.streamingdata.msk.flinksql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL files of the pattern, in the order they run, rendered with one set of parameters. */
public final class SqlPipeline {

    public static final String CHECKPOINTING = "checkpointing.sql";
    public static final String SOURCE = "source.sql";
    public static final String SINK = "sink.sql";
    public static final String INSERT = "insert.sql";

    private SqlPipeline() {}

    /**
     * The statements to run: checkpoint settings (when the job owns them), the source table, the sink table and the
     * insert, which is always last.
     */
    public static List<String> statements(JobParameters parameters, boolean setCheckpointing) {
        Map<String, String> values = parameters.templateValues();
        List<String> statements = new ArrayList<>();
        List<String> files =
                setCheckpointing ? List.of(CHECKPOINTING, SOURCE, SINK, INSERT) : List.of(SOURCE, SINK, INSERT);
        for (String file : files) {
            statements.addAll(SqlStatements.split(SqlTemplate.load(file).render(values)));
        }
        return statements;
    }
}
