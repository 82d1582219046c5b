package io.streamingdata.msk.flinksql;

import java.util.ArrayList;
import java.util.List;

/** Splits a SQL file into statements: on semicolons outside quotes, with {@code --} comments removed. */
public final class SqlStatements {

    private SqlStatements() {}

    public static List<String> split(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    // A doubled quote inside a literal is an escaped quote, not the end of the literal.
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        current.append(quote);
                        i++;
                    } else {
                        quote = 0;
                    }
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                continue;
            } else if (c == ';') {
                addIfNotBlank(statements, current);
                current.setLength(0);
            } else {
                current.append(c);
            }
            i++;
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated " + quote + " quote in SQL: "
                    + current.toString().trim());
        }
        addIfNotBlank(statements, current);
        return statements;
    }

    private static void addIfNotBlank(List<String> statements, StringBuilder statement) {
        String trimmed = statement.toString().strip();
        if (!trimmed.isEmpty()) {
            statements.add(trimmed);
        }
    }
}
