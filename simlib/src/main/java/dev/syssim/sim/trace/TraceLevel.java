package dev.syssim.sim.trace;

import java.util.Locale;
import java.util.Optional;

/** How much of the world a cell shows, as chosen by {@code %trace off|syscalls|interrupts|full}. */
public enum TraceLevel {
    OFF, SYSCALLS, INTERRUPTS, FULL;

    /** True when an event of {@code kind} is shown at this level. */
    public boolean shows(EventKind kind) {
        return this != OFF && compareTo(kind.minLevel()) >= 0;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TraceLevel> parse(String word) {
        for (TraceLevel level : values()) {
            if (level.word().equals(word)) return Optional.of(level);
        }
        return Optional.empty();
    }
}
