package dev.syssim.kernel.homework;

import java.util.ArrayList;
import java.util.List;

/**
 * The first line of a check cell, {@code %%check NAME [--points N] [DESCRIPTION]}: the check's
 * name (its nbgrader {@code grade_id}: letters, digits, {@code -} and {@code _}), what it is worth,
 * and an optional description for the table. A bare {@code %%check} is named {@code check}.
 */
public record CheckHeader(String name, int points, String description) {

    public static final String USAGE = "usage: %%check NAME [--points N] [DESCRIPTION]";

    /** Points of a check that does not say. */
    public static final int DEFAULT_POINTS = 1;

    /** The header, or why the arguments are not one. */
    public sealed interface Parsed {
    }

    public record Ok(CheckHeader header) implements Parsed {
    }

    public record Problem(String message) implements Parsed {
    }

    public static Parsed parse(String arguments) {
        List<String> words = new ArrayList<>(List.of(arguments.strip().isEmpty() ? new String[0] : arguments.strip().split("\\s+")));
        int points = DEFAULT_POINTS;
        int at = words.indexOf("--points");
        if (at >= 0) {
            if (at + 1 >= words.size() || !words.get(at + 1).matches("\\d{1,6}")) return new Problem("--points needs a whole number");
            points = Integer.parseInt(words.get(at + 1));
            words.remove(at + 1);
            words.remove(at);
        }
        if (words.isEmpty()) return new Ok(new CheckHeader("check", points, ""));
        String name = words.remove(0);
        if (!validName(name)) return new Problem("`" + name + "` is not a check name: use letters, digits, - and _ (it is the cell's grade_id)");
        return new Ok(new CheckHeader(name, points, String.join(" ", words)));
    }

    /** nbgrader's rule for grade ids, which check names are. */
    public static boolean validName(String name) {
        return name.matches("[A-Za-z0-9_-]+");
    }
}
