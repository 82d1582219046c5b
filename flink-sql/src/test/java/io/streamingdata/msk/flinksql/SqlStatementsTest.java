package io.streamingdata.msk.flinksql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

    @Test
    void shouldSplitOnSemicolonsOutsideQuotes() {
        List<String> statements = SqlStatements.split(
                "SET 'a' = '1';\nCREATE TABLE t (x INT) WITH ('jaas' = 'Module required user=\"u\" password=\"p;q\";');\n");

        assertEquals(
                List.of(
                        "SET 'a' = '1'",
                        "CREATE TABLE t (x INT) WITH ('jaas' = 'Module required user=\"u\" password=\"p;q\";')"),
                statements);
    }

    @Test
    void shouldDropCommentsAndBlankStatements() {
        List<String> statements = SqlStatements.split("-- a comment; with a semicolon\n;\nSELECT 1; -- trailing\n");

        assertEquals(List.of("SELECT 1"), statements);
    }

    @Test
    void shouldKeepDoubledQuotesAndDashesInsideLiterals() {
        List<String> statements = SqlStatements.split("SELECT 'it''s -- not a comment; really'");

        assertEquals(List.of("SELECT 'it''s -- not a comment; really'"), statements);
    }

    @Test
    void shouldRejectAnUnterminatedLiteral() {
        assertThrows(IllegalArgumentException.class, () -> SqlStatements.split("SELECT 'oops;"));
    }
}
