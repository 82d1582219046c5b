package io.streamingdata.msk.cli;

/**
 * Checks of a flag's value that several tools make alike, each refusing a bad value with a message that names the
 * flag and what it got. A tool whose messages say it differently keeps its own checks, so that its messages stay as
 * they are.
 */
public final class FlagValues {

    private FlagValues() {}

    /** The value as a whole number from {@code min} to {@code max} (both inclusive); blanks around it are ignored. */
    public static long wholeNumber(String flag, String value, long min, long max) {
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(flag + ": " + number + " is out of range (" + min + ".." + max + ")");
        }
        return number;
    }

    /** The value itself, refused when it is empty or only blanks. */
    public static String nonEmpty(String flag, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(flag + " must not be empty");
        }
        return value;
    }
}
