package io.streamingdata.msk.flinksql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SqlTemplateTest {

    @Test
    void shouldReplaceEveryPlaceholderWithItsValue() {
        SqlTemplate template = new SqlTemplate(
                "t.sql", "'topic' = '${topic}', 'again' = '${topic}', 'servers' = '${bootstrap_servers}'");

        String sql = template.render(Map.of("topic", "ticks", "bootstrap_servers", "b:9098"));

        assertEquals("'topic' = 'ticks', 'again' = 'ticks', 'servers' = 'b:9098'", sql);
    }

    @Test
    void shouldNameEveryMissingParameterAndTheFile() {
        SqlTemplate template = new SqlTemplate("sql/source.sql", "${topic} ${bootstrap_servers} ${group_id}");

        SqlTemplate.MissingParameterException error = assertThrows(
                SqlTemplate.MissingParameterException.class, () -> template.render(Map.of("group_id", "g")));

        assertEquals(Set.of("topic", "bootstrap_servers"), error.missing());
        // Named in alphabetical order, so the message is the same on every run.
        assertEquals(
                SqlTemplate.MissingParameterException.message(
                        "sql/source.sql", new TreeSet<>(Set.of("bootstrap_servers", "topic"))),
                error.getMessage());
        assertTrue(
                error.getMessage().startsWith("sql/source.sql needs a value for bootstrap_servers, topic "),
                error.getMessage());
    }

    @Test
    void shouldInsertValuesVerbatimWithoutRenderingThemAgain() {
        SqlTemplate template = new SqlTemplate("t.sql", "${a}|${b}");

        assertEquals("${b}|$1\\x", template.render(Map.of("a", "${b}", "b", "$1\\x")));
    }

    @Test
    void shouldLeaveDollarSignsThatAreNotPlaceholdersAlone() {
        SqlTemplate template = new SqlTemplate("t.sql", "'$dt $hr:00:00' ${x}");

        assertEquals("'$dt $hr:00:00' 1", template.render(Map.of("x", "1")));
        assertEquals(Set.of("x"), template.parameterNames());
    }

    @Test
    void shouldFailClearlyForAFileThatIsNotOnTheClasspath() {
        IllegalStateException error = assertThrows(IllegalStateException.class, () -> SqlTemplate.load("nope.sql"));

        assertEquals("SQL file sql/nope.sql is not on the classpath", error.getMessage());
    }
}
