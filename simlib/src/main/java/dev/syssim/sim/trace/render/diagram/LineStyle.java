package dev.syssim.sim.trace.render.diagram;

/** How a plain line looks: a lane's lifeline, the bracket of a repeat, a thin rule. */
public enum LineStyle {
    LIFELINE("life", 0x9a9a9a, "1", new float[] {4, 4}),
    BRACKET("bracket", 0x333333, "1.5", new float[0]),
    RULE("rule", 0x777777, "1", new float[0]);

    private final String id;
    private final int rgb;
    private final String width;
    private final float[] dash;

    LineStyle(String id, int rgb, String width, float[] dash) {
        this.id = id;
        this.rgb = rgb;
        this.width = width;
        this.dash = dash;
    }

    public String id() {
        return id;
    }

    public int rgb() {
        return rgb;
    }

    public String width() {
        return width;
    }

    public float[] dash() {
        return dash.clone();
    }
}
