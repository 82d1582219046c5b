package io.streamingdata.msk.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits the command line of the project's small tools (the local Firehose endpoint's main, the local stack's
 * producer, verifier and restore check, the restore command) into flags, so that each tool only says which flags take a value and what they mean. Accepts
 * {@code --flag value} and {@code --flag=value}; a flag that needs a value and has none is refused with a message
 * that names it.
 */
public final class CommandLineFlags {

    private CommandLineFlags() {}

    /**
     * One flag as given.
     *
     * @param name the flag, such as {@code --port}, or an argument that is no flag at all
     * @param value its value, or {@code null} for a switch (and for anything not in the value-taking set)
     */
    public record Flag(String name, String value) {}

    /** @param takingValues the flags that need a value; every other argument is returned as it is, without one */
    public static List<Flag> parse(String[] args, Set<String> takingValues) {
        List<Flag> flags = new ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            String inline = null;
            int eq = name.indexOf('=');
            if (name.startsWith("--") && eq > 0 && takingValues.contains(name.substring(0, eq))) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!takingValues.contains(name)) {
                flags.add(new Flag(name, null));
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            flags.add(new Flag(name, value));
        }
        return flags;
    }
}
