package dev.syssim.kernel.java;

/**
 * What the threads of one running Java cell share: the channel their output takes, the renderer
 * their {@code display} calls use, and the gate their runs of the simulation pass.
 */
final class JavaCell {

    private final CellChannel channel;
    private final Rendering rendering;
    private final CellGate gate;
    /** The last id {@code display} returned, kept by identity: that value as the cell's result is not shown again. */
    private volatile String lastDisplayId;

    JavaCell(CellChannel channel, Rendering rendering, CellGate gate) {
        this.channel = channel;
        this.rendering = rendering;
        this.gate = gate;
    }

    CellChannel channel() {
        return channel;
    }

    Rendering rendering() {
        return rendering;
    }

    CellGate gate() {
        return gate;
    }

    /** Returns a copy of {@code id} that the cell's result can be recognised by. */
    String noteDisplayId(String id) {
        String returned = new String(id);
        lastDisplayId = returned;
        return returned;
    }

    /**
     * Whether {@code value} is the very string {@code display} returned last: a cell ending in
     * {@code display(x)} shows x, not x and then its display id as the cell's value.
     */
    boolean isDisplayId(Object value) {
        return value != null && value == lastDisplayId;
    }
}
