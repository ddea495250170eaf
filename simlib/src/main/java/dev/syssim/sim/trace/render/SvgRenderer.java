package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.diagram.Anchor;
import dev.syssim.sim.trace.render.diagram.ArrowStyle;
import dev.syssim.sim.trace.render.diagram.BoxStyle;
import dev.syssim.sim.trace.render.diagram.Diagram;
import dev.syssim.sim.trace.render.diagram.DiagramLayout;
import dev.syssim.sim.trace.render.diagram.Hatch;
import dev.syssim.sim.trace.render.diagram.Head;
import dev.syssim.sim.trace.render.diagram.LineStyle;
import dev.syssim.sim.trace.render.diagram.Painter;
import dev.syssim.sim.trace.render.diagram.Shape;
import dev.syssim.sim.trace.render.diagram.TextStyle;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The sequence diagram as a standalone SVG document: real {@code <text>} (searchable and
 * selectable), {@code <title>} and {@code <desc>} for screen readers, styles in one
 * {@code <style>} element, only the markers and hatch patterns the diagram uses, one element per
 * line. Deterministic: integer coordinates, fixed ids, no timestamps.
 */
public final class SvgRenderer {

    private static final String FONTS = "'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace";

    private final DiagramLayout layout = new DiagramLayout();

    public String render(TraceSnapshot snapshot) {
        return render(TraceView.of(snapshot));
    }

    public String render(TraceView view) {
        return render(layout.layout(view));
    }

    /** UTF-8 bytes of {@link #render(TraceView)}, as the data URI and files carry them. */
    public byte[] bytes(TraceView view) {
        return render(view).getBytes(StandardCharsets.UTF_8);
    }

    public String render(Diagram diagram) {
        StringBuilder out = new StringBuilder(4096 + diagram.shapes().size() * 64);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(diagram.width())
                .append("\" height=\"").append(diagram.height()).append("\" viewBox=\"0 0 ").append(diagram.width())
                .append(' ').append(diagram.height()).append("\" role=\"img\" aria-labelledby=\"title desc\" font-family=\"")
                .append(FONTS).append("\" font-size=\"11\">\n");
        out.append("<title id=\"title\">").append(Markup.escape(diagram.title())).append("</title>\n");
        out.append("<desc id=\"desc\">").append(Markup.escape(diagram.description())).append("</desc>\n");
        defs(out, diagram);
        SvgPainter painter = new SvgPainter(out);
        diagram.paint(painter);
        painter.endBoxes();
        out.append("</svg>\n");
        return out.toString();
    }

    private static void defs(StringBuilder out, Diagram diagram) {
        Set<ArrowStyle> arrows = EnumSet.noneOf(ArrowStyle.class);
        Set<BoxStyle> boxes = EnumSet.noneOf(BoxStyle.class);
        Set<LineStyle> lines = EnumSet.noneOf(LineStyle.class);
        Set<TextStyle> texts = EnumSet.noneOf(TextStyle.class);
        for (Shape shape : diagram.shapes()) {
            if (shape instanceof Shape.Arrow a) arrows.add(a.style());
            if (shape instanceof Shape.Box b) boxes.add(b.style());
            if (shape instanceof Shape.Line l) lines.add(l.style());
            if (shape instanceof Shape.Text t) texts.add(t.style());
        }
        out.append("<defs>\n<style>\n");
        for (TextStyle style : texts) {
            out.append('.').append(style.id()).append("{font-size:").append(style.size()).append("px;fill:")
                    .append(hex(style.rgb()));
            if (style.bold()) out.append(";font-weight:bold");
            if (style.italic()) out.append(";font-style:italic");
            if (style.anchor() != Anchor.START) {
                out.append(";text-anchor:").append(style.anchor().name().toLowerCase(Locale.ROOT));
            }
            out.append("}\n");
        }
        for (BoxStyle style : boxes) {
            out.append('.').append(style.id()).append("{fill:")
                    .append(style.hatch() == Hatch.NONE ? hex(style.fill()) : "url(#hatch-" + style.id() + ")");
            if (style.stroke() >= 0) out.append(";stroke:").append(hex(style.stroke()));
            out.append("}\n");
        }
        for (LineStyle style : lines) {
            out.append('.').append(style.id()).append("{stroke:").append(hex(style.rgb())).append(";stroke-width:")
                    .append(style.width()).append(dashCss(style.dash())).append("}\n");
        }
        for (ArrowStyle style : arrows) {
            out.append('.').append(style.id()).append("{stroke:").append(hex(style.rgb())).append(";stroke-width:")
                    .append(style.width()).append(dashCss(style.dash())).append(";marker-end:url(#head-")
                    .append(style.id()).append(")}\n");
        }
        out.append(".dot{fill:#000;stroke:#fff}\n</style>\n");
        for (ArrowStyle style : arrows) marker(out, style);
        for (BoxStyle style : boxes) {
            if (style.hatch() != Hatch.NONE) pattern(out, style);
        }
        out.append("</defs>\n");
    }

    private static void marker(StringBuilder out, ArrowStyle style) {
        String colour = hex(style.rgb());
        out.append("<marker id=\"head-").append(style.id())
                .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\"")
                .append(" markerUnits=\"userSpaceOnUse\" orient=\"auto\">");
        if (style.head() == Head.FILLED) {
            out.append("<path d=\"M0 1L10 5L0 9z\" fill=\"").append(colour).append("\"/>");
        } else if (style.head() == Head.OPEN) {
            out.append("<path d=\"M1 1L9 5L1 9\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\"/>");
        } else {
            out.append("<path d=\"M1 5L5 1L9 5L5 9z\" fill=\"").append(colour).append("\"/>");
        }
        out.append("</marker>\n");
    }

    private static void pattern(StringBuilder out, BoxStyle style) {
        out.append("<pattern id=\"hatch-").append(style.id())
                .append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"")
                .append(hex(style.fill())).append("\"/><path d=\"M0 6L6 0M-1 1L1 -1M5 7L7 5");
        if (style.hatch() == Hatch.CROSS) out.append("M0 0L6 6M-1 5L1 7M5 -1L7 1");
        out.append("\" stroke=\"").append(hex(style.hatchRgb())).append("\" stroke-width=\"1\"/></pattern>\n");
    }

    private static String dashCss(float[] dash) {
        if (dash.length == 0) return "";
        StringBuilder s = new StringBuilder(";stroke-dasharray:");
        for (int i = 0; i < dash.length; i++) {
            if (i > 0) s.append(',');
            s.append((int) dash[i]);
        }
        return s.toString();
    }

    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xffffff);
    }

    /**
     * Writes each shape as one SVG element on its own line, except that a run of boxes of one
     * style becomes one {@code <path>} (one closed rectangle per box), ended by the next other shape
     * or {@link #endBoxes}: the paint order, and so what covers what, stays the diagram's.
     */
    private static final class SvgPainter implements Painter {
        private final StringBuilder out;
        private BoxStyle openBoxes;

        SvgPainter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void box(Shape.Box b) {
            if (b.style() != openBoxes) {
                endBoxes();
                out.append("<path class=\"").append(b.style().id()).append("\" d=\"");
                openBoxes = b.style();
            }
            out.append('M').append(b.x()).append(' ').append(b.y()).append('h').append(b.width()).append('v').append(b.height())
                    .append('h').append(-b.width()).append('z');
        }

        /** Ends the path of the boxes painted last, if any. */
        void endBoxes() {
            if (openBoxes == null) return;
            out.append("\"/>\n");
            openBoxes = null;
        }

        @Override
        public void line(Shape.Line l) {
            endBoxes();
            out.append("<line class=\"").append(l.style().id()).append("\" x1=\"").append(l.x1()).append("\" y1=\"").append(l.y1())
                    .append("\" x2=\"").append(l.x2()).append("\" y2=\"").append(l.y2()).append("\"/>\n");
        }

        @Override
        public void arrow(Shape.Arrow a) {
            endBoxes();
            out.append("<line class=\"").append(a.style().id()).append("\" x1=\"").append(a.x1()).append("\" y1=\"").append(a.y())
                    .append("\" x2=\"").append(a.x2()).append("\" y2=\"").append(a.y()).append("\"/>\n");
        }

        @Override
        public void dot(Shape.Dot d) {
            endBoxes();
            out.append("<circle class=\"dot\" cx=\"").append(d.x()).append("\" cy=\"").append(d.y()).append("\" r=\"3.5\"/>\n");
        }

        @Override
        public void text(Shape.Text t) {
            endBoxes();
            out.append("<text class=\"").append(t.style().id()).append("\" x=\"").append(t.x()).append("\" y=\"").append(t.y())
                    .append('"');
            // Only texts that align columns with runs of spaces need them kept.
            if (t.text().contains("  ") || t.text().startsWith(" ")) out.append(" xml:space=\"preserve\"");
            out.append('>').append(Markup.escape(t.text())).append("</text>\n");
        }
    }
}
