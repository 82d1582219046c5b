package io.streamingdata.msk.flinksql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One SQL file with {@code ${name}} placeholders, rendered in a single pass: a value is inserted verbatim and never
 * scanned again. The syntax is the one Terraform's {@code templatefile()} uses, so the Studio notebook module renders
 * the very same files.
 */
public final class SqlTemplate {

    /** Placeholder names: the identifiers Terraform's templatefile() accepts as variables. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** Classpath folder of the SQL files. */
    public static final String RESOURCE_ROOT = "sql/";

    private final String name;
    private final String text;

    public SqlTemplate(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** Loads {@code sql/<relativePath>} from the classpath (the application jar or target/classes). */
    public static SqlTemplate load(String relativePath) {
        String resource = RESOURCE_ROOT + relativePath;
        try (InputStream in = SqlTemplate.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL file " + resource + " is not on the classpath");
            }
            return new SqlTemplate(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL file " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    /** The placeholder names the file uses, sorted. */
    public Set<String> parameterNames() {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /**
     * Replaces every placeholder with its value.
     *
     * @throws MissingParameterException naming every placeholder without a value, before anything is replaced
     */
    public String render(Map<String, String> values) {
        Set<String> missing = new TreeSet<>(parameterNames());
        missing.removeAll(values.keySet());
        if (!missing.isEmpty()) {
            throw new MissingParameterException(name, missing);
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(values.get(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A copy of {@code values} with one more entry; a convenience for fragments rendered into a file. */
    static Map<String, String> with(Map<String, String> values, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(key, value);
        return copy;
    }

    /** A placeholder without a value. */
    public static final class MissingParameterException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final Set<String> missing;

        MissingParameterException(String file, Set<String> missing) {
            super(message(file, missing));
            this.missing = Set.copyOf(missing);
        }

        /** The message for a file and its missing parameters; tests compare against it. */
        public static String message(String file, Set<String> missing) {
            return file + " needs a value for " + String.join(", ", missing)
                    + " (pass --<name> <value> locally, or set it in the runtime property group "
                    + JobParameters.PROPERTY_GROUP + ")";
        }

        public Set<String> missing() {
            return missing;
        }
    }
}
