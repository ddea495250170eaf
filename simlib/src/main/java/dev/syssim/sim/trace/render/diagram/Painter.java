package dev.syssim.sim.trace.render.diagram;

/** Draws shapes onto some surface: SVG elements or a Java2D image. */
public interface Painter {

    void box(Shape.Box box);

    void line(Shape.Line line);

    void arrow(Shape.Arrow arrow);

    void dot(Shape.Dot dot);

    void text(Shape.Text text);
}
