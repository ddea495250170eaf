package dev.syssim.sim.trace.render;

import dev.syssim.sim.trace.TraceSnapshot;
import dev.syssim.sim.trace.render.diagram.Anchor;
import dev.syssim.sim.trace.render.diagram.ArrowStyle;
import dev.syssim.sim.trace.render.diagram.BoxStyle;
import dev.syssim.sim.trace.render.diagram.Diagram;
import dev.syssim.sim.trace.render.diagram.DiagramLayout;
import dev.syssim.sim.trace.render.diagram.Hatch;
import dev.syssim.sim.trace.render.diagram.Head;
import dev.syssim.sim.trace.render.diagram.Painter;
import dev.syssim.sim.trace.render.diagram.Shape;
import dev.syssim.sim.trace.render.diagram.TextStyle;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.TexturePaint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.EnumMap;
import java.util.Map;

/**
 * The same sequence diagram drawn with Java2D into a PNG, for LaTeX/PDF export and viewers that
 * show images only. Drawn at {@link #SCALE} times the CSS size (192 dpi, which the PNG's pHYs chunk
 * records) so print stays sharp, then stored as a 16-colour palette PNG by {@link PngEncoder}.
 * Headless and deterministic: no text chunks, no creation time, the same fonts and
 * hints every time.
 */
public final class PngRenderer {

    /** Device pixels per CSS pixel for diagrams up to {@link #TALL} CSS pixels high (192 dpi). */
    public static final int SCALE = 2;
    /**
     * Taller diagrams (about 25 rows and more) are drawn at one device pixel per CSS pixel. Print
     * scales a diagram to the page width, and diagrams that tall are also 900-1,400 px wide, so at
     * 1x they still print at 140-220 pixels per inch; the second pixel would more than double the
     * bytes of a typical traced cell (measured on the lecture: its PNG from 84-124 KB to 25-45 KB).
     */
    public static final int TALL = 600;

    private final DiagramLayout layout = new DiagramLayout();

    /** A PNG and its size in CSS pixels (half its pixel size), for Jupyter's image metadata. */
    public record Image(byte[] png, int width, int height) {
    }

    public Image render(TraceSnapshot snapshot) {
        return render(TraceView.of(snapshot));
    }

    public Image render(TraceView view) {
        return render(layout.layout(view));
    }

    public Image render(Diagram diagram) {
        int scale = diagram.height() > TALL ? 1 : SCALE;
        BufferedImage image = new BufferedImage(diagram.width() * scale, diagram.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            // Hinted, unsmoothed glyphs: crisp at 192 dpi, and a third of the bytes of smoothed ones
            // (each smoothed edge adds colours the palette and deflate must carry).
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(scale, scale);
            diagram.paint(new Java2dPainter(g, scale));
        } finally {
            g.dispose();
        }
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        return new Image(PngEncoder.encode(pixels, image.getWidth(), image.getHeight(), 96 * scale), diagram.width(), diagram.height());
    }

    /** Draws shapes with Java2D in CSS pixels (the graphics is already scaled). */
    private static final class Java2dPainter implements Painter {
        private static final String FAMILY = "DejaVu Sans Mono";
        private final Graphics2D g;
        private final int scale;
        private final Map<TextStyle, Font> fonts = new EnumMap<>(TextStyle.class);
        private final Map<BoxStyle, TexturePaint> hatches = new EnumMap<>(BoxStyle.class);

        Java2dPainter(Graphics2D g, int scale) {
            this.g = g;
            this.scale = scale;
        }

        @Override
        public void box(Shape.Box b) {
            BoxStyle style = b.style();
            Rectangle2D rect = new Rectangle2D.Float(b.x(), b.y(), b.width(), b.height());
            g.setPaint(style.hatch() == Hatch.NONE ? new Color(style.fill()) : hatch(style));
            g.fill(rect);
            if (style.stroke() >= 0) {
                g.setPaint(new Color(style.stroke()));
                g.setStroke(new BasicStroke(1f));
                g.draw(new Rectangle2D.Float(b.x() + 0.5f, b.y() + 0.5f, b.width() - 1, b.height() - 1));
            }
        }

        private TexturePaint hatch(BoxStyle style) {
            return hatches.computeIfAbsent(style, s -> {
                int tile = 6 * scale;
                BufferedImage image = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
                Graphics2D t = image.createGraphics();
                t.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                t.setColor(new Color(s.fill()));
                t.fillRect(0, 0, tile, tile);
                t.setColor(new Color(s.hatchRgb()));
                t.setStroke(new BasicStroke(scale));
                t.draw(new Line2D.Float(0, tile, tile, 0));
                t.draw(new Line2D.Float(-tile, tile, tile, -tile));
                t.draw(new Line2D.Float(0, 2 * tile, 2 * tile, 0));
                if (s.hatch() == Hatch.CROSS) {
                    t.draw(new Line2D.Float(0, 0, tile, tile));
                    t.draw(new Line2D.Float(-tile, 0, tile, 2 * tile));
                    t.draw(new Line2D.Float(0, -tile, 2 * tile, tile));
                }
                t.dispose();
                return new TexturePaint(image, new Rectangle2D.Float(0, 0, 6, 6));
            });
        }

        @Override
        public void line(Shape.Line l) {
            g.setPaint(new Color(l.style().rgb()));
            g.setStroke(stroke(Float.parseFloat(l.style().width()), l.style().dash()));
            g.draw(new Line2D.Float(l.x1(), l.y1(), l.x2(), l.y2()));
        }

        @Override
        public void arrow(Shape.Arrow a) {
            ArrowStyle style = a.style();
            int dir = a.x2() >= a.x1() ? 1 : -1;
            float tipBack = style.head() == Head.OPEN ? 1 : 8;
            g.setPaint(new Color(style.rgb()));
            g.setStroke(stroke(Float.parseFloat(style.width()), style.dash()));
            g.draw(new Line2D.Float(a.x1(), a.y(), a.x2() - dir * tipBack, a.y()));
            head(style.head(), a.x2(), a.y(), dir);
        }

        private void head(Head head, int tipX, int y, int dir) {
            if (head == Head.OPEN) {
                g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                g.draw(new Line2D.Float(tipX - dir * 8, y - 4, tipX, y));
                g.draw(new Line2D.Float(tipX, y, tipX - dir * 8, y + 4));
                return;
            }
            Polygon p = new Polygon();
            if (head == Head.FILLED) {
                p.addPoint(tipX, y);
                p.addPoint(tipX - dir * 9, y - 4);
                p.addPoint(tipX - dir * 9, y + 4);
            } else {
                p.addPoint(tipX, y);
                p.addPoint(tipX - dir * 4, y - 4);
                p.addPoint(tipX - dir * 8, y);
                p.addPoint(tipX - dir * 4, y + 4);
            }
            g.fill(p);
        }

        private static Stroke stroke(float width, float[] dash) {
            if (dash.length == 0) return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
            return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
        }

        @Override
        public void dot(Shape.Dot d) {
            g.setPaint(Color.WHITE);
            g.fill(new java.awt.geom.Ellipse2D.Float(d.x() - 4.5f, d.y() - 4.5f, 9, 9));
            g.setPaint(Color.BLACK);
            g.fill(new java.awt.geom.Ellipse2D.Float(d.x() - 3.5f, d.y() - 3.5f, 7, 7));
        }

        @Override
        public void text(Shape.Text t) {
            TextStyle style = t.style();
            Font font = fonts.computeIfAbsent(style, s -> new Font(FAMILY,
                    (s.bold() ? Font.BOLD : 0) | (s.italic() ? Font.ITALIC : 0), s.size()));
            g.setFont(font);
            g.setPaint(new Color(style.rgb()));
            float x = t.x();
            if (style.anchor() != Anchor.START) {
                float w = (float) font.getStringBounds(t.text(), g.getFontRenderContext()).getWidth();
                x -= style.anchor() == Anchor.MIDDLE ? w / 2 : w;
            }
            g.drawString(t.text(), x, t.y());
        }
    }
}
