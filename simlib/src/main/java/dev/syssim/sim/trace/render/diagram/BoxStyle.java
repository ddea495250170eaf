package dev.syssim.sim.trace.render.diagram;

/**
 * How a filled rectangle looks: the background stripes of rows, the machine headers, the omitted
 * band, and the spans that show which privilege a lane was running with.
 */
public enum BoxStyle {
    PAGE("page", null, 0xffffff, -1, Hatch.NONE, -1),
    ZEBRA("zebra", null, 0xf3f3f3, -1, Hatch.NONE, -1),
    MACHINE("machinebox", null, 0xe4e4e4, 0x888888, Hatch.NONE, -1),
    BAND("bandbox", null, 0xfafafa, 0x555555, Hatch.NONE, -1),
    USER("user", "user mode (privileges dropped)", 0xdceaf7, 0x4a6f96, Hatch.DIAGONAL, 0x4a6f96),
    KERNEL("kernel", "kernel mode", 0x5f7189, 0x2c3a4d, Hatch.NONE, -1),
    HYPERVISOR("hyp", "hypervisor (VMX root)", 0xf6dfc2, 0x8a4b12, Hatch.CROSS, 0x8a4b12);

    private final String id;
    private final String meaning;
    private final int fill;
    private final int stroke;
    private final Hatch hatch;
    private final int hatchRgb;

    BoxStyle(String id, String meaning, int fill, int stroke, Hatch hatch, int hatchRgb) {
        this.id = id;
        this.meaning = meaning;
        this.fill = fill;
        this.stroke = stroke;
        this.hatch = hatch;
        this.hatchRgb = hatchRgb;
    }

    public String id() {
        return id;
    }

    /** What the legend says a span of this style means, or null for boxes that are not spans. */
    public String meaning() {
        return meaning;
    }

    public int fill() {
        return fill;
    }

    /** The outline colour, or -1 for none. */
    public int stroke() {
        return stroke;
    }

    public Hatch hatch() {
        return hatch;
    }

    public int hatchRgb() {
        return hatchRgb;
    }
}
