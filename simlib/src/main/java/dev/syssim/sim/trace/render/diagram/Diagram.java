package dev.syssim.sim.trace.render.diagram;

import java.util.List;

/**
 * A laid-out sequence diagram: its size in CSS pixels, a title and a description for screen
 * readers, and the shapes to draw in order (later ones on top).
 */
public record Diagram(int width, int height, String title, String description, List<Shape> shapes) {

    public Diagram {
        shapes = List.copyOf(shapes);
    }

    public void paint(Painter painter) {
        for (Shape shape : shapes) shape.paint(painter);
    }
}
