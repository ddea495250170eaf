package dev.syssim.sim.trace.render.diagram;

/** One thing drawn on the diagram, in CSS pixels with y growing downward. */
public sealed interface Shape permits Shape.Box, Shape.Line, Shape.Arrow, Shape.Dot, Shape.Text {

    void paint(Painter painter);

    /** A filled rectangle. */
    record Box(int x, int y, int width, int height, BoxStyle style) implements Shape {
        @Override
        public void paint(Painter painter) {
            painter.box(this);
        }
    }

    /** A straight line. */
    record Line(int x1, int y1, int x2, int y2, LineStyle style) implements Shape {
        @Override
        public void paint(Painter painter) {
            painter.line(this);
        }
    }

    /** A horizontal arrow at height {@code y} from {@code x1} to {@code x2} (tip at {@code x2}). */
    record Arrow(int x1, int x2, int y, ArrowStyle style) implements Shape {
        @Override
        public void paint(Painter painter) {
            painter.arrow(this);
        }
    }

    /** An event that stays on its lane: a small filled circle. */
    record Dot(int x, int y) implements Shape {
        @Override
        public void paint(Painter painter) {
            painter.dot(this);
        }
    }

    /** A line of text; {@code y} is the baseline. */
    record Text(int x, int y, String text, TextStyle style) implements Shape {
        @Override
        public void paint(Painter painter) {
            painter.text(this);
        }
    }
}
