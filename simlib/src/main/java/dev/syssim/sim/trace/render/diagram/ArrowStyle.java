package dev.syssim.sim.trace.render.diagram;

/**
 * How an arrow between two lanes looks, by what it stands for. Each style differs from the others
 * by dash pattern, width or tip as well as by colour, so a grayscale print keeps them apart.
 */
public enum ArrowStyle {
    TRAP("trap", "syscall: trap into the kernel", 0x1f4e79, "1.5", new float[0], Head.FILLED),
    FAULT("fault", "CPU exception (#GP, #PF)", 0xa01010, "2.5", new float[0], Head.FILLED),
    RETURN("ret", "return (to user mode, VM entry)", 0x1f4e79, "1.2", new float[] {6, 3}, Head.OPEN),
    INTERRUPT("irq", "hardware interrupt", 0x6a2c91, "1.5", new float[] {9, 3, 2, 3}, Head.FILLED),
    REQUEST("req", "request to a device", 0x2e6b30, "1.5", new float[] {2, 2}, Head.FILLED),
    PACKET("pkt", "packet", 0x9a4d00, "2", new float[] {12, 4}, Head.FILLED),
    VERDICT("fw", "firewall verdict", 0xa01010, "1.5", new float[0], Head.DIAMOND),
    SIGNAL("sig", "signal", 0xa01010, "1.2", new float[] {3, 3}, Head.OPEN),
    VM_EXIT("vmx", "VM exit", 0x7a5200, "3", new float[0], Head.FILLED);

    private final String id;
    private final String meaning;
    private final int rgb;
    private final String width;
    private final float[] dash;
    private final Head head;

    ArrowStyle(String id, String meaning, int rgb, String width, float[] dash, Head head) {
        this.id = id;
        this.meaning = meaning;
        this.rgb = rgb;
        this.width = width;
        this.dash = dash;
        this.head = head;
    }

    /** A short name for SVG classes and marker ids. */
    public String id() {
        return id;
    }

    /** What the legend says it stands for. */
    public String meaning() {
        return meaning;
    }

    public int rgb() {
        return rgb;
    }

    /** Stroke width in CSS pixels, written as SVG writes it. */
    public String width() {
        return width;
    }

    /** Dash lengths in CSS pixels (empty: solid). */
    public float[] dash() {
        return dash.clone();
    }

    public Head head() {
        return head;
    }
}
