package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import java.util.List;

/**
 * The trace as readable ASCII: one line per event with simulated time, {@code machine:lane}, CPU
 * mode, kind and label; kernel work indented under the syscall or interrupt that caused it;
 * repeats shown once with {@code x N}; the omitted middle as {@code ... 9,412 more events
 * (grouped):} followed by its groups. Only labels may bring non-ASCII characters. This is what
 * terminals, Markdown export and tests read.
 */
public final class TextRenderer {

    private static final int KIND_WIDTH = 9;

    public String render(TraceSnapshot snapshot) {
        return render(TraceView.of(snapshot));
    }

    public String render(TraceView view) {
        Columns columns = Columns.of(view);
        StringBuilder out = new StringBuilder();
        out.append("trace, ").append(view.summary()).append('\n');
        if (view.lines().isEmpty() && !view.hasOmitted()) return out.toString();
        line(out, columns.header());
        runs(out, columns, view.headRuns());
        if (view.hasOmitted()) omitted(out, columns, view);
        runs(out, columns, view.tailRuns());
        return out.toString();
    }

    private void runs(StringBuilder out, Columns columns, List<Run> runs) {
        for (Run run : runs) {
            if (run instanceof Run.Single single) {
                line(out, columns.event(single.line()));
            } else if (run instanceof Run.Repeat repeat) {
                for (EventLine line : repeat.block()) line(out, columns.event(line));
                line(out, columns.repeat(repeat));
            }
        }
    }

    private void omitted(StringBuilder out, Columns columns, TraceView view) {
        List<OmittedGroup> groups = view.snapshot().omitted();
        line(out, "  ... " + view.omittedSentence() + (groups.isEmpty() ? "" : ":"));
        int countWidth = 1;
        for (OmittedGroup group : groups) countWidth = Math.max(countWidth, Units.count(group.count()).length());
        for (OmittedGroup group : view.listedGroups()) {
            line(out, "      " + padLeft(Units.count(group.count()), countWidth) + " x  "
                    + pad(EventWords.lane(group.lane()), columns.laneWidth) + "  "
                    + pad(EventWords.kind(group.kind()), KIND_WIDTH) + " " + group.label());
        }
        if (view.unlistedGroups() > 0) {
            line(out, "      ... and " + Units.plural(view.unlistedGroups(), "more group")
                    + " (" + Units.plural(view.unlistedEvents(), "event") + ")");
        }
    }

    private static void line(StringBuilder out, String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') end--;
        out.append(text, 0, end).append('\n');
    }

    /** Column widths measured over what is shown, so lines align without a fixed maximum. */
    private record Columns(int timeWidth, int laneWidth, int modeWidth) {

        static Columns of(TraceView view) {
            int time = "time".length();
            int lane = "lane".length();
            int mode = "mode".length();
            for (EventLine line : view.lines()) {
                TraceEvent e = line.event();
                time = Math.max(time, Units.time(e.time()).length());
                lane = Math.max(lane, EventWords.lane(e.lane()).length());
                mode = Math.max(mode, EventWords.mode(e.mode()).length());
            }
            for (OmittedGroup group : view.snapshot().omitted()) {
                lane = Math.max(lane, EventWords.lane(group.lane()).length());
            }
            return new Columns(time, lane, mode);
        }

        String header() {
            return "  " + padLeft("time", timeWidth) + "  " + pad("lane", laneWidth) + "  " + pad("mode", modeWidth)
                    + "  " + "event";
        }

        String event(EventLine line) {
            TraceEvent e = line.event();
            String detail = e.detail().isEmpty() ? "" : "  [" + e.detail() + "]";
            return "  " + padLeft(Units.time(e.time()), timeWidth) + "  " + pad(EventWords.lane(e.lane()), laneWidth)
                    + "  " + pad(EventWords.mode(e.mode()), modeWidth) + "  " + indent(line.depth())
                    + pad(EventWords.kind(e.kind()), KIND_WIDTH) + " " + e.label() + detail;
        }

        String repeat(Run.Repeat repeat) {
            int size = repeat.block().size();
            String above = size == 1 ? "the line above" : "the " + size + " lines above";
            return "  " + " ".repeat(timeWidth + 2 + laneWidth + 2 + modeWidth + 2)
                    + indent(repeat.block().get(0).depth()) + "x " + Units.count(repeat.times()) + "  (" + above + ", "
                    + Units.count(repeat.times()) + " times in all, until " + Units.time(repeat.lastTime()) + ")";
        }
    }

    private static String indent(int depth) {
        return "  ".repeat(depth);
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    static String padLeft(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }
}
