package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.diagram.Diagram;
import dev.syssim.sim.trace.render.diagram.DiagramLayout;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The trace as HTML that survives the sanitizer of an untrusted notebook: the diagram as an
 * {@code <img>} whose source is the SVG as a base64 data URI (JupyterLab and Notebook remove an
 * inline {@code <svg>} from untrusted {@code text/html} entirely, but keep images, {@code <details>}
 * and tables), with alt text, then a collapsible table of the same events. No scripts, no styles,
 * every label escaped.
 */
public final class HtmlRenderer {

    private final SvgRenderer svg = new SvgRenderer();

    public String render(TraceSnapshot snapshot) {
        return render(TraceView.of(snapshot));
    }

    public String render(TraceView view) {
        Diagram diagram = new DiagramLayout().layout(view);
        return render(view, diagram, svg.render(diagram));
    }

    /** The HTML for a diagram already laid out and rendered as SVG (a bundle lays it out once). */
    public String render(TraceView view, Diagram diagram, String svgDocument) {
        StringBuilder out = new StringBuilder(svgDocument.length() * 4 / 3 + 2048);
        out.append("<div class=\"syssim-trace\">\n");
        if (!view.lines().isEmpty() || view.hasOmitted()) {
            out.append("<img src=\"data:image/svg+xml;base64,")
                    .append(Base64.getEncoder().encodeToString(svgDocument.getBytes(StandardCharsets.UTF_8)))
                    .append("\" width=\"").append(diagram.width()).append("\" height=\"").append(diagram.height()).append("\" alt=\"")
                    .append(Markup.escape(altText(view))).append("\">\n");
        }
        table(out, view);
        out.append("</div>\n");
        return out.toString();
    }

    private static String altText(TraceView view) {
        return "Sequence diagram of the trace, " + view.summary() + ". The event table below lists the same events.";
    }

    private static void table(StringBuilder out, TraceView view) {
        out.append("<details>\n<summary>Event table (").append(Markup.escape(view.summary())).append(")</summary>\n");
        out.append("<table>\n<thead><tr><th>time</th><th>lane</th><th>mode</th><th>kind</th><th>event</th></tr></thead>\n<tbody>\n");
        rows(out, view.headRuns());
        if (view.hasOmitted()) omitted(out, view);
        rows(out, view.tailRuns());
        out.append("</tbody>\n</table>\n</details>\n");
    }

    /** Rows of events; a time equal to the previous row's is left blank, as in a log. */
    private static void rows(StringBuilder out, List<Run> runs) {
        String[] lastTime = {""};
        for (Run run : runs) {
            if (run instanceof Run.Single single) {
                row(out, single.line(), lastTime);
            } else if (run instanceof Run.Repeat repeat) {
                for (EventLine line : repeat.block()) row(out, line, lastTime);
                int size = repeat.block().size();
                String above = size == 1 ? "the row above" : "the " + size + " rows above";
                out.append("<tr><td></td><td colspan=\"4\"><i>\u00d7 ").append(Units.count(repeat.times())).append(": ")
                        .append(above).append(", ").append(Units.count(repeat.times())).append(" times in all, until ")
                        .append(Units.time(repeat.lastTime())).append("</i></td></tr>\n");
            }
        }
    }

    private static void row(StringBuilder out, EventLine line, String[] lastTime) {
        TraceEvent e = line.event();
        String time = Units.time(e.time());
        out.append("<tr><td>").append(time.equals(lastTime[0]) ? "" : time).append("</td><td>").append(Markup.escape(e.lane().title()))
                .append("</td><td>").append(EventWords.mode(e.mode())).append("</td><td>").append(EventWords.kind(e.kind()))
                .append("</td><td>").append("&#160;&#160;".repeat(line.depth())).append(Markup.escape(e.label()));
        if (!e.detail().isEmpty()) out.append(" \u2014 ").append(Markup.escape(e.detail()));
        out.append("</td></tr>\n");
        lastTime[0] = time;
    }

    private static void omitted(StringBuilder out, TraceView view) {
        out.append("<tr><td colspan=\"5\"><b>\u2026 ").append(Markup.escape(view.omittedSentence())).append("</b></td></tr>\n");
        for (OmittedGroup group : view.listedGroups()) {
            out.append("<tr><td>").append(Units.count(group.count())).append(" \u00d7</td><td>")
                    .append(Markup.escape(group.lane().title())).append("</td><td></td><td>")
                    .append(EventWords.kind(group.kind())).append("</td><td>").append(Markup.escape(group.label()))
                    .append("</td></tr>\n");
        }
        if (view.unlistedGroups() > 0) {
            out.append("<tr><td colspan=\"5\">\u2026 and ").append(Units.plural(view.unlistedGroups(), "more group"))
                    .append(" (").append(Units.plural(view.unlistedEvents(), "event")).append(")</td></tr>\n");
        }
    }
}
