package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.Lane;
import dev.syssim.sim.trace.LaneType;
import java.util.List;
import java.util.Locale;

/**
 * Which lanes a cell shows, as {@code %trace --lanes} wrote it: each word selects lanes by type
 * ({@code process}, {@code kernel}, ...), by machine ({@code border}), or both
 * ({@code border:firewall}); a lane is shown when any word selects it. No words: every lane.
 */
public record LaneSelector(List<String> words) {

    public static final LaneSelector ALL = new LaneSelector(List.of());

    public LaneSelector {
        words = List.copyOf(words);
    }

    public boolean selectsAll() {
        return words.isEmpty();
    }

    public boolean selects(Lane lane) {
        if (words.isEmpty()) return true;
        for (String word : words) {
            if (selects(word, lane)) return true;
        }
        return false;
    }

    private static boolean selects(String word, Lane lane) {
        int colon = word.indexOf(':');
        if (colon >= 0) {
            return word.substring(0, colon).equals(lane.machine()) && isType(word.substring(colon + 1), lane.type());
        }
        return isType(word, lane.type()) || word.equals(lane.machine());
    }

    private static boolean isType(String word, LaneType type) {
        return word.equals(type.name().toLowerCase(Locale.ROOT));
    }

    /** True when {@code word} names a lane type rather than a machine. */
    public static boolean isTypeWord(String word) {
        for (LaneType type : LaneType.values()) {
            if (isType(word, type)) return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return words.isEmpty() ? "all" : String.join(",", words);
    }
}
