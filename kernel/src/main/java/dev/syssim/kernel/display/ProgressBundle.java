package dev.syssim.kernel.display;

import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.render.EventWords;
import dev.syssim.sim.trace.render.Markup;
import dev.syssim.sim.trace.render.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bundle of a live progress display: one progress line (with a bar when the fraction is known)
 * and the most recent trace events, as text and as HTML. Light on purpose: it is replaced several
 * times a second and finally by the trace itself.
 */
public final class ProgressBundle {

    /** How many recent events a progress display shows; pass {@code trace.recent(RECENT_EVENTS)}. */
    public static final int RECENT_EVENTS = 8;

    private static final int BAR = 20;

    private ProgressBundle() {
    }

    /** The bundle while running. */
    public static DisplayBundle build(Progress progress, List<TraceEvent> recent) {
        return build("running ", progress, recent);
    }

    /** The last word of a progress display that no trace replaces. */
    public static DisplayBundle finished(Progress progress) {
        return build("finished ", progress, List.of());
    }

    private static DisplayBundle build(String state, Progress progress, List<TraceEvent> recent) {
        String line = state + line(progress);
        StringBuilder text = new StringBuilder(line).append('\n');
        for (TraceEvent event : recent) text.append(event(event)).append('\n');
        StringBuilder html = new StringBuilder("<div class=\"syssim-progress\">\n<pre>")
                .append(Markup.escape(text.toString())).append("</pre>\n</div>\n");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text/plain", text.toString());
        data.put("text/html", html.toString());
        return new DisplayBundle(data, Map.of());
    }

    /** {@code spin: 1.250000 s simulated, 1,250 steps, 2,500 events [#####...............]  25%}. */
    static String line(Progress progress) {
        StringBuilder s = new StringBuilder(progress.activity()).append(": ")
                .append(Units.time(progress.simulatedNanos())).append(" simulated, ")
                .append(Units.plural(progress.steps(), "step")).append(", ")
                .append(Units.plural(progress.events(), "event"));
        if (progress.fraction().isPresent()) {
            double fraction = progress.fraction().getAsDouble();
            int filled = (int) Math.floor(fraction * BAR);
            s.append(" [").append("#".repeat(filled)).append(".".repeat(BAR - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%", (int) Math.floor(fraction * 100)));
        }
        return s.toString();
    }

    private static String event(TraceEvent e) {
        return "  " + Units.time(e.time()) + "  " + EventWords.lane(e.lane()) + "  " + EventWords.kind(e.kind()) + "  " + e.label();
    }
}
