package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.OmittedGroup;
import dev.syssim.sim.trace.TraceEvent;
import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.diagram.Diagram;
import dev.syssim.sim.trace.render.diagram.DiagramLayout;
import java.util.List;

/**
 * The trace as HTML that survives the sanitizer of an untrusted notebook: the diagram as an
 * {@code <img>} whose source is the SVG as a data URI (JupyterLab and Notebook remove an inline
 * {@code <svg>} from untrusted {@code text/html} entirely, but keep images, {@code <details>} and
 * tables), with alt text, then a collapsible table of the same events. No scripts, no styles,
 * every label escaped.
 *
 * <p>The data URI carries the SVG as text, not base64 ({@link #svgDataUri}): base64 is a third
 * longer, and it is the largest part of a traced cell in the saved notebook. The table is written
 * as short as HTML allows, since it says what {@code text/plain} says and a notebook file keeps
 * both: cells and rows without their end tags (optional in HTML: the next {@code <td>} or
 * {@code <tr>} ends them, in browsers and in the sanitizers of JupyterLab and nbconvert alike), and
 * a time or lane equal to the row above's left blank, as in a log. Together a quarter of a traced
 * {@code cat}'s HTML.
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
        StringBuilder out = new StringBuilder(svgDocument.length() + 4096);
        out.append("<div class=\"syssim-trace\">\n");
        if (!view.lines().isEmpty() || view.hasOmitted()) {
            out.append("<img src=\"").append(svgDataUri(svgDocument)).append("\" width=\"").append(diagram.width()).append("\" height=\"").append(diagram.height()).append("\" alt=\"")
                    .append(Markup.escape(altText(view))).append("\">\n");
        }
        table(out, view);
        out.append("</div>\n");
        return out.toString();
    }

    /**
     * The SVG document as a {@code data:image/svg+xml,} URI to stand in a double-quoted HTML
     * attribute, short: its attribute quotes become apostrophes and an apostrophe inside a value
     * becomes {@code &#39;}, so the XML is the same (the renderer writes every label through
     * {@link Markup#escape}, so a raw quote or apostrophe in its output is always markup); of the
     * rest only what a URL or the attribute cannot hold as it is gets percent-encoded: {@code %},
     * {@code #} (a fragment), {@code &} (a character reference to the HTML parser), line breaks
     * (which URL parsers drop) and other control characters. {@code <} and {@code >} stay: they are
     * allowed in an attribute value, and browsers take them in a data URI. A line break between two
     * tags ({@code >\n<}) is left out: it is a whitespace-only text node between elements, which
     * SVG draws as nothing, and percent-encoded it would cost three bytes a line.
     */
    public static String svgDataUri(String svgDocument) {
        StringBuilder uri = new StringBuilder(svgDocument.length() + 256).append(SVG_DATA_URI);
        for (int i = 0; i < svgDocument.length(); i++) {
            char c = svgDocument.charAt(i);
            switch (c) {
                case '"' -> uri.append('\'');
                case '\'' -> uri.append("%26%2339;");
                case '%', '#', '&' -> percent(uri, c);
                case '\n' -> {
                    boolean betweenTags = i > 0 && svgDocument.charAt(i - 1) == '>' && i + 1 < svgDocument.length() && svgDocument.charAt(i + 1) == '<';
                    if (!betweenTags) percent(uri, c);
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) percent(uri, c);
                    else uri.append(c);
                }
            }
        }
        return uri.toString();
    }

    /** How a diagram's data URI begins. */
    public static final String SVG_DATA_URI = "data:image/svg+xml,";

    private static void percent(StringBuilder uri, char c) {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
    }

    private static String altText(TraceView view) {
        return "Sequence diagram of the trace, " + view.summary() + ". The event table below lists the same events.";
    }

    private static void table(StringBuilder out, TraceView view) {
        out.append("<details>\n<summary>Event table (").append(Markup.escape(view.summary())).append(")</summary>\n");
        out.append("<table>\n<thead><tr><th>time<th>lane<th>mode<th>kind<th>event</thead>\n<tbody>\n");
        rows(out, view.headRuns());
        if (view.hasOmitted()) omitted(out, view);
        rows(out, view.tailRuns());
        out.append("</tbody>\n</table>\n</details>\n");
    }

    /** Rows of events; a time or lane equal to the previous row's is left blank, as in a log. */
    private static void rows(StringBuilder out, List<Run> runs) {
        String[] last = {"", ""};
        for (Run run : runs) {
            if (run instanceof Run.Single single) {
                row(out, single.line(), last);
            } else if (run instanceof Run.Repeat repeat) {
                for (EventLine line : repeat.block()) row(out, line, last);
                int size = repeat.block().size();
                String above = size == 1 ? "the row above" : "the " + size + " rows above";
                out.append("<tr><td><td colspan=\"4\"><i>\u00d7 ").append(Units.count(repeat.times())).append(": ")
                        .append(above).append(", ").append(Units.count(repeat.times())).append(" times in all, until ")
                        .append(Units.time(repeat.lastTime())).append("</i>\n");
            }
        }
    }

    private static void row(StringBuilder out, EventLine line, String[] last) {
        TraceEvent e = line.event();
        String time = Units.time(e.time());
        String lane = Markup.escape(e.lane().title());
        out.append("<tr><td>").append(time.equals(last[0]) ? "" : time).append("<td>").append(lane.equals(last[1]) ? "" : lane)
                .append("<td>").append(EventWords.mode(e.mode())).append("<td>").append(EventWords.kind(e.kind()))
                .append("<td>").append("&#160;&#160;".repeat(line.depth())).append(Markup.escape(e.label()));
        if (!e.detail().isEmpty()) out.append(" \u2014 ").append(Markup.escape(e.detail()));
        out.append('\n');
        last[0] = time;
        last[1] = lane;
    }

    private static void omitted(StringBuilder out, TraceView view) {
        out.append("<tr><td colspan=\"5\"><b>\u2026 ").append(Markup.escape(view.omittedSentence())).append("</b>\n");
        for (OmittedGroup group : view.listedGroups()) {
            out.append("<tr><td>").append(Units.count(group.count())).append(" \u00d7<td>")
                    .append(Markup.escape(group.lane().title())).append("<td><td>")
                    .append(EventWords.kind(group.kind())).append("<td>").append(Markup.escape(group.label()))
                    .append('\n');
        }
        if (view.unlistedGroups() > 0) {
            out.append("<tr><td colspan=\"5\">\u2026 and ").append(Units.plural(view.unlistedGroups(), "more group"))
                    .append(" (").append(Units.plural(view.unlistedEvents(), "event")).append(")\n");
        }
    }
}
