package dev.syssim.sim.trace.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds consecutive repetitions in a list of event lines: a block of up to {@link #MAX_BLOCK}
 * lines that occurs several times in a row, such as {@code write} after {@code write}, or the
 * timer interrupt and context switch of two processes taking turns on a core.
 */
public final class Repeats {

    /** The longest block looked for: a syscall with its kernel work fits; whole programs do not. */
    public static final int MAX_BLOCK = 8;

    private Repeats() {
    }

    /** Splits {@code lines} into runs, greedily, preferring the block that covers the most lines. */
    public static List<Run> find(List<EventLine> lines) {
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            int bestBlock = 0;
            int bestTimes = 1;
            for (int block = 1; block <= MAX_BLOCK && i + 2 * block <= lines.size(); block++) {
                int times = timesRepeated(lines, i, block);
                if (worthGrouping(block, times) && block * times > bestBlock * bestTimes) {
                    bestBlock = block;
                    bestTimes = times;
                }
            }
            if (bestBlock == 0) {
                runs.add(new Run.Single(lines.get(i)));
                i++;
            } else {
                int end = i + bestBlock * bestTimes;
                runs.add(new Run.Repeat(lines.subList(i, i + bestBlock), bestTimes, lines.get(end - 1).event().time()));
                i = end;
            }
        }
        return runs;
    }

    /** Grouping must save lines: a block is shown once plus one line saying how often. */
    private static boolean worthGrouping(int block, int times) {
        return times >= 2 && block * times > block + 1;
    }

    private static int timesRepeated(List<EventLine> lines, int start, int block) {
        int times = 1;
        while (start + (times + 1) * block <= lines.size() && blockMatches(lines, start, start + times * block, block)) {
            times++;
        }
        return times;
    }

    private static boolean blockMatches(List<EventLine> lines, int first, int other, int block) {
        for (int k = 0; k < block; k++) {
            if (!lines.get(first + k).sameShapeAs(lines.get(other + k))) return false;
        }
        return true;
    }
}
