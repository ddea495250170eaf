package dev.syssim.kernel.eval;

import dev.syssim.sim.world.RunLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one cell of one student may use: simulated steps and output bytes (the world counts them,
 * deterministically), seconds of wall time the cell may run (a watchdog's, so that an endless loop
 * of the shell, at a few hundred thousand steps a second, ends within seconds whatever the step
 * budget), and the size of the cell's text. A hub admin sets the defaults per kernel in kernel.json's
 * {@code env} ({@link #fromEnvironment}); a notebook changes them with {@code %limits}.
 *
 * <p>The time limit is the one limit that depends on the machine: a slow or busy one reaches it after
 * fewer steps, so the same cell may stop on one and finish on another. It counts wall time (less any
 * wait for the student's input), as the student's patience does: on a hub crowded enough that
 * ordinary cells take seconds, the admin raises {@code SYSSIM_MAX_SECONDS}.
 */
record CellLimits(long steps, long outputBytes, double seconds, long cellBytes) {

    /** 5 million steps, 1 MB of output, 4 seconds, 1 MiB of cell text. */
    static final CellLimits DEFAULT = new CellLimits(5_000_000, 1_000_000, 4.0, 1 << 20);

    /** The variables of kernel.json's env an admin sets, with what each limits. */
    static final Map<String, String> VARIABLES = Map.of(
            "SYSSIM_MAX_STEPS", "steps",
            "SYSSIM_MAX_OUTPUT", "output",
            "SYSSIM_MAX_SECONDS", "seconds",
            "SYSSIM_MAX_CELL_BYTES", "cell");

    CellLimits {
        if (steps < 1 || outputBytes < 1 || !(seconds > 0) || cellBytes < 1) throw new IllegalArgumentException("limits must be positive");
    }

    /** What the world enforces of these (the trace's bounds stay the world's own). */
    RunLimits runLimits(RunLimits world) {
        return new RunLimits(steps, outputBytes, world.traceHead(), world.traceTail());
    }

    /**
     * The defaults with the environment's {@code SYSSIM_MAX_*} variables applied; a value that is not
     * a positive number is reported in {@code problems} and the default kept.
     */
    static CellLimits fromEnvironment(Map<String, String> env, List<String> problems) {
        CellLimits limits = DEFAULT;
        for (Map.Entry<String, String> v : new java.util.TreeMap<>(VARIABLES).entrySet()) {
            String value = env.get(v.getKey());
            if (value == null || value.isBlank()) continue;
            try {
                limits = limits.with(v.getValue(), value.strip());
            } catch (IllegalArgumentException e) {
                problems.add(v.getKey() + "=" + value + " ignored: " + e.getMessage());
            }
        }
        return limits;
    }

    /** The limits with {@code name} (steps, output, seconds, cell) set from {@code value}. */
    CellLimits with(String name, String value) {
        try {
            return switch (name) {
                case "steps" -> new CellLimits(Long.parseLong(value), outputBytes, seconds, cellBytes);
                case "output" -> new CellLimits(steps, Long.parseLong(value), seconds, cellBytes);
                case "seconds" -> new CellLimits(steps, outputBytes, Double.parseDouble(value), cellBytes);
                case "cell" -> new CellLimits(steps, outputBytes, seconds, Long.parseLong(value));
                default -> throw new IllegalArgumentException("unknown limit '" + name + "'");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + value + "'");
        }
    }

    /** The time limit as a person writes it: {@code 4}, {@code 0.5}. */
    String secondsText() {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : String.format(Locale.ROOT, "%s", seconds);
    }

    /** One line for {@code %limits}: {@code steps=5000000 output=1000000 seconds=4 cell=1048576}. */
    String describe() {
        List<String> words = new ArrayList<>();
        words.add("steps=" + steps);
        words.add("output=" + outputBytes);
        words.add("seconds=" + secondsText());
        words.add("cell=" + cellBytes);
        return String.join(" ", words);
    }
}
