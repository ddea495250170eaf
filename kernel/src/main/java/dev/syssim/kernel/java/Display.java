package dev.syssim.kernel.java;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The display functions of a Java cell, as IJava and JJava notebooks have them (every Java cell
 * imports them statically): {@code display(obj)} shows a value now and returns its display id,
 * {@code display(obj, "text/html")} shows it as the types asked for, {@code updateDisplay(id,
 * obj)} replaces what a display shows, and {@code render(obj)} gives the {@link DisplayData}
 * without showing it. They work on the threads of the cell that calls them.
 */
public final class Display {

    private Display() {
    }

    /**
     * Shows {@code value} below the cell now, as the renderer draws it.
     *
     * @return the display's id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return show(value, new String[0]);
    }

    /**
     * Shows {@code value} below the cell now, as the MIME types asked for (and text/plain).
     *
     * @return the display's id, for {@link #updateDisplay(String, Object, String...)}
     */
    public static String display(Object value, String... types) {
        return show(value, types);
    }

    /** Replaces what the display {@code id} shows with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        update(id, value, new String[0]);
    }

    /** Replaces what the display {@code id} shows with {@code value}, as the MIME types asked for. */
    public static void updateDisplay(String id, Object value, String... types) {
        update(id, value, types);
    }

    /** {@code value} as the renderer draws it, not shown. */
    public static DisplayData render(Object value) {
        return cell().rendering().render(value);
    }

    /** {@code value} as the MIME types asked for (and text/plain), not shown. */
    public static DisplayData render(Object value, String... types) {
        return cell().rendering().render(value, types);
    }

    private static String show(Object value, String[] types) {
        JavaCell cell = cell();
        Rendering.Bundle bundle = cell.rendering().bundle(cell.rendering().render(value, types));
        String id = bundle.displayId() != null ? bundle.displayId() : cell.channel().nextDisplayId();
        cell.channel().display(bundle.data(), bundle.metadata(), id, false);
        return cell.noteDisplayId(id);
    }

    private static void update(String id, Object value, String[] types) {
        JavaCell cell = cell();
        Rendering.Bundle bundle = cell.rendering().bundle(cell.rendering().render(value, types));
        cell.channel().display(bundle.data(), bundle.metadata(), id, true);
    }

    private static JavaCell cell() {
        JavaCell cell = CellContext.current();
        if (cell == null) throw new IllegalStateException("display works in a notebook's Java cell, on the threads the cell runs");
        return cell;
    }
}
